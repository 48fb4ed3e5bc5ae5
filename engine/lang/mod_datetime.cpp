// `datetime` on the virtual clock (issue 4): naive date / datetime / timedelta, the run's
// local time being UTC, `now()` reading time.time() (= 1_700_000_000.0 + t). Written in
// Python; what it prints follows CPython's datetime (the reference runner uses CPython's
// pure-Python datetime on the same clock, so the two are compared by the conformance
// programs).
#include "engine/lang/modules.hpp"

namespace looplab::lang {

namespace {

constexpr const char* kDatetime = R"PY(
import time as _time

MINYEAR = 1
MAXYEAR = 9999
_US_PER_DAY = 86400 * 1000000
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_FULL = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    return 29 if month == 2 and _is_leap(year) else _DAYS_IN_MONTH[month]


def _ordinal(year, month, day):
    """Days since 0001-01-01 plus one (date.toordinal)."""
    y = year - 1
    days = y * 365 + y // 4 - y // 100 + y // 400
    for m in range(1, month):
        days += _days_in_month(year, m)
    return days + day


def _from_ordinal(n):
    """(year, month, day) of ordinal n, through 400-year cycles of 146097 days."""
    n -= 1
    cycles, n = divmod(n, 146097)
    year = cycles * 400 + 1
    while True:
        length = 366 if _is_leap(year) else 365
        if n < length:
            break
        n -= length
        year += 1
    month = 1
    while n >= _days_in_month(year, month):
        n -= _days_in_month(year, month)
        month += 1
    return year, month, n + 1


def _check_int(name, value):
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if not isinstance(value, int):
        raise TypeError("an integer is required (got type %s)" % type(value).__name__)
    return value


def _check_date(year, month, day):
    _check_int("year", year)
    _check_int("month", month)
    _check_int("day", day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")


def _check_time(hour, minute, second, microsecond):
    for name, value, top in (("hour", hour, 23), ("minute", minute, 59),
                             ("second", second, 59), ("microsecond", microsecond, 999999)):
        _check_int(name, value)
        if not 0 <= value <= top:
            raise ValueError("%s must be in 0..%d" % (name, top))


def _cmp(a, b):
    return 0 if a == b else (1 if a > b else -1)


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total = (days * _US_PER_DAY + seconds * 1000000 + microseconds + milliseconds * 1000
                 + minutes * 60000000 + hours * 3600000000 + weeks * 7 * _US_PER_DAY)
        if isinstance(total, float):
            total = round(total)
        days = total // _US_PER_DAY
        if not -999999999 <= days <= 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % days)
        self._us = total

    @staticmethod
    def _make(total_us):
        return timedelta(microseconds=total_us)

    @property
    def days(self):
        return self._us // _US_PER_DAY

    @property
    def seconds(self):
        return self._us % _US_PER_DAY // 1000000

    @property
    def microseconds(self):
        return self._us % 1000000

    def total_seconds(self):
        return self._us / 10**6

    def __repr__(self):
        args = []
        if self.days:
            args.append("days=%d" % self.days)
        if self.seconds:
            args.append("seconds=%d" % self.seconds)
        if self.microseconds:
            args.append("microseconds=%d" % self.microseconds)
        return "datetime.timedelta(%s)" % (", ".join(args) or "0")

    def __str__(self):
        mm, ss = divmod(self.seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self.days:
            s = "%d day%s, " % (self.days, "" if abs(self.days) == 1 else "s") + s
        if self.microseconds:
            s = s + ".%06d" % self.microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._make(self._us + other._us)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._make(self._us - other._us)
        return NotImplemented

    def __neg__(self):
        return timedelta._make(-self._us)

    def __pos__(self):
        return self

    def __abs__(self):
        return self if self._us >= 0 else -self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._make(self._us * other)
        if isinstance(other, float):
            return timedelta._make(round(self._us * other))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us / other._us
        if isinstance(other, (int, float)):
            return timedelta._make(round(self._us / other))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us // other._us
        if isinstance(other, int):
            return timedelta._make(self._us // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._make(self._us % other._us)
        return NotImplemented

    def __eq__(self, other):
        return self._us == other._us if isinstance(other, timedelta) else NotImplemented

    def __ne__(self, other):
        return self._us != other._us if isinstance(other, timedelta) else NotImplemented

    def __lt__(self, other):
        return self._us < other._us if isinstance(other, timedelta) else NotImplemented

    def __le__(self, other):
        return self._us <= other._us if isinstance(other, timedelta) else NotImplemented

    def __gt__(self, other):
        return self._us > other._us if isinstance(other, timedelta) else NotImplemented

    def __ge__(self, other):
        return self._us >= other._us if isinstance(other, timedelta) else NotImplemented

    def __hash__(self):
        return hash(self._us)

    def __bool__(self):
        return self._us != 0


timedelta.resolution = timedelta._make(1)


def _strftime(fmt, year, month, day, hour, minute, second, microsecond):
    weekday = (_ordinal(year, month, day) + 6) % 7
    yday = _ordinal(year, month, day) - _ordinal(year, 1, 1) + 1
    codes = {
        "Y": "%d" % year, "y": "%02d" % (year % 100), "m": "%02d" % month, "d": "%02d" % day,
        "e": "%2d" % day, "H": "%02d" % hour, "I": "%02d" % (hour % 12 or 12),
        "M": "%02d" % minute, "S": "%02d" % second, "f": "%06d" % microsecond,
        "p": "AM" if hour < 12 else "PM", "b": _MONTH_NAMES[month - 1], "h": _MONTH_NAMES[month - 1],
        "B": _MONTH_FULL[month - 1], "a": _DAY_NAMES[weekday], "A": _DAY_FULL[weekday],
        "w": "%d" % ((weekday + 1) % 7), "u": "%d" % (weekday + 1), "j": "%03d" % yday,
        "z": "", "Z": "", "%": "%", "F": "%d-%02d-%02d" % (year, month, day),
        "T": "%02d:%02d:%02d" % (hour, minute, second), "R": "%02d:%02d" % (hour, minute),
        "D": "%02d/%02d/%02d" % (month, day, year % 100),
        "x": "%02d/%02d/%02d" % (month, day, year % 100),
        "X": "%02d:%02d:%02d" % (hour, minute, second),
        "c": "%s %s %2d %02d:%02d:%02d %d" % (_DAY_NAMES[weekday], _MONTH_NAMES[month - 1], day,
                                             hour, minute, second, year),
    }
    out = []
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == "%" and i + 1 < len(fmt) and fmt[i + 1] in codes:
            out.append(codes[fmt[i + 1]])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


class date:
    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._ymd = (year, month, day)

    @classmethod
    def fromordinal(cls, n):
        return cls(*_from_ordinal(n))

    @classmethod
    def fromtimestamp(cls, t):
        return cls(*datetime.fromtimestamp(t)._ymd)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    year = property(lambda self: self._ymd[0])
    month = property(lambda self: self._ymd[1])
    day = property(lambda self: self._ymd[2])

    def toordinal(self):
        return _ordinal(*self._ymd)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isoformat(self):
        return "%04d-%02d-%02d" % self._ymd

    __str__ = isoformat

    def __repr__(self):
        return "datetime.date(%d, %d, %d)" % self._ymd

    def strftime(self, fmt):
        return _strftime(fmt, *self._ymd, 0, 0, 0, 0)

    def __format__(self, fmt):
        return self.strftime(fmt) if fmt else str(self)

    def replace(self, year=None, month=None, day=None):
        y, m, d = self._ymd
        return type(self)(y if year is None else year, m if month is None else month,
                          d if day is None else day)

    def _shift(self, delta, sign):
        return type(self).fromordinal(self.toordinal() + sign * delta.days)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._shift(other, 1)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._shift(other, -1)
        if not isinstance(self, datetime) and isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._ymd == other._ymd
        return NotImplemented

    def __lt__(self, other):
        return _compare(self, other, "<") < 0

    def __le__(self, other):
        return _compare(self, other, "<=") <= 0

    def __gt__(self, other):
        return _compare(self, other, ">") > 0

    def __ge__(self, other):
        return _compare(self, other, ">=") >= 0

    def __hash__(self):
        return hash(self._ymd)


def _compare(a, b, op):
    if type(a) is not type(b) and (isinstance(a, datetime) or isinstance(b, datetime)):
        raise TypeError("'%s' not supported between instances of '%s' and '%s'"
                        % (op, type(a).__name__, type(b).__name__))
    if not isinstance(b, date):
        raise TypeError("'%s' not supported between instances of '%s' and '%s'"
                        % (op, type(a).__name__, type(b).__name__))
    return _cmp(a._sort_key(), b._sort_key())


date._sort_key = lambda self: (self._ymd, 0)


class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_date(year, month, day)
        _check_time(hour, minute, second, microsecond)
        if tzinfo is not None:
            raise NotImplementedError("LoopLab's datetime supports naive datetimes only")
        self._ymd = (year, month, day)
        self._hms = (hour, minute, second, microsecond)

    @classmethod
    def _from_us(cls, total_us):
        days, us = divmod(total_us, _US_PER_DAY)
        if not 1 <= days <= 3652059:
            raise OverflowError("date value out of range")
        seconds, us = divmod(us, 1000000)
        minutes, second = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        return cls(*_from_ordinal(days), hour, minute, second, us)

    def _total_us(self):
        hour, minute, second, us = self._hms
        return (_ordinal(*self._ymd) * 86400 + hour * 3600 + minute * 60 + second) * 1000000 + us

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        if tz is not None:
            raise NotImplementedError("LoopLab's datetime supports naive datetimes only")
        whole = int(t)
        us = round((t - whole) * 1e6)
        return cls._from_us((_ordinal(1970, 1, 1) * 86400 + whole) * 1000000 + us)

    utcfromtimestamp = fromtimestamp

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    hour = property(lambda self: self._hms[0])
    minute = property(lambda self: self._hms[1])
    second = property(lambda self: self._hms[2])
    microsecond = property(lambda self: self._hms[3])
    tzinfo = property(lambda self: None)

    def date(self):
        return date(*self._ymd)

    def timestamp(self):
        return (self - datetime(1970, 1, 1)).total_seconds()

    def isoformat(self, sep="T", timespec="auto"):
        hour, minute, second, us = self._hms
        if timespec == "auto":
            timespec = "microseconds" if us else "seconds"
        times = {"hours": "%02d" % hour, "minutes": "%02d:%02d" % (hour, minute),
                 "seconds": "%02d:%02d:%02d" % (hour, minute, second),
                 "milliseconds": "%02d:%02d:%02d.%03d" % (hour, minute, second, us // 1000),
                 "microseconds": "%02d:%02d:%02d.%06d" % (hour, minute, second, us)}
        if timespec not in times:
            raise ValueError("Unknown timespec value")
        return "%04d-%02d-%02d" % self._ymd + sep + times[timespec]

    def __str__(self):
        return self.isoformat(sep=" ")

    def __repr__(self):
        fields = list(self._ymd + self._hms)
        if fields[-1] == 0:
            del fields[-1]
        if fields[-1] == 0:
            del fields[-1]
        return "datetime.datetime(%s)" % ", ".join(map(str, fields))

    def strftime(self, fmt):
        return _strftime(fmt, *self._ymd, *self._hms)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None):
        values = list(self._ymd + self._hms)
        for i, v in enumerate((year, month, day, hour, minute, second, microsecond)):
            if v is not None:
                values[i] = v
        return type(self)(*values)

    def _shift(self, delta, sign):
        return type(self)._from_us(self._total_us() + sign * delta._us)

    def __sub__(self, other):
        if isinstance(other, datetime):
            return timedelta._make(self._total_us() - other._total_us())
        return date.__sub__(self, other)

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._total_us() == other._total_us()
        return NotImplemented if not isinstance(other, date) else False

    def __hash__(self):
        return hash(self._total_us())


datetime._sort_key = lambda self: self._total_us()
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
)PY";

}  // namespace

Value make_datetime_module() { return module_from_source("datetime", kDatetime); }

}  // namespace looplab::lang
