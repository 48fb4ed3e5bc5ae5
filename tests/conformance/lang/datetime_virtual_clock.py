# datetime on the virtual clock: now()/today()/utcnow() read time.time() (= 1_700_000_000.0 + t)
# in UTC; str/repr/isoformat/strftime, date and timedelta arithmetic.
import datetime
import time
now = datetime.datetime.now()
print(now, repr(now), type(now), now.year, now.month, now.day, now.hour, now.minute, now.second, now.microsecond)
time.sleep(0.5)
later = datetime.datetime.now()
print(later, repr(later), later.isoformat(), later - now, repr(later - now))
d = later - now
print(d.total_seconds(), d.seconds, d.microseconds, d.days, d < datetime.timedelta(seconds=1), str(datetime.timedelta(0)))
print(datetime.date.today(), repr(datetime.date.today()), datetime.datetime.utcnow(), datetime.datetime.today())
print(now.strftime("%Y-%m-%d %H:%M:%S.%f %a %A %b %B %j %p %I %y %%"), now.strftime("%c|%x|%X"))
print(now + datetime.timedelta(days=1, hours=2, minutes=3), repr(datetime.timedelta(days=-1, seconds=5)))
print(str(datetime.timedelta(days=2, seconds=3661, microseconds=7)), str(-datetime.timedelta(seconds=1)))
print(datetime.datetime.fromtimestamp(time.time() + 0.1234565), datetime.datetime(2024, 2, 29, 12, 0), now.date(), now.weekday())
print(now == datetime.datetime(2023, 11, 14, 22, 13, 20), now < later, now.timestamp(), f"{now:%H:%M}")
print(repr(datetime.datetime(2023, 1, 1)), repr(datetime.datetime(2023, 1, 1, 0, 0, 1)), datetime.date(2023, 12, 31) - datetime.date(2023, 1, 1))
print(datetime.timedelta(hours=1.5), datetime.timedelta(minutes=90) / datetime.timedelta(hours=1), datetime.timedelta(seconds=10) * 3)
print(now - datetime.timedelta(hours=1, microseconds=1), datetime.date(2024, 3, 1) - datetime.timedelta(days=1), datetime.date(2024, 3, 1) - datetime.timedelta(hours=1))
print(datetime.timedelta(days=1) + now, datetime.date(2024, 1, 1) + datetime.timedelta(weeks=1), now.replace(year=2020, microsecond=5))
try:
    now - datetime.date(2023, 11, 14)
except TypeError:
    print("datetime - date: TypeError")
