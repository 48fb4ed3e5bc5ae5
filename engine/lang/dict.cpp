#include "engine/lang/dict.hpp"

#include "engine/lang/object.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

std::atomic<uint64_t> class_dicts_epoch{1};

namespace {

constexpr int32_t kEmpty = -1;
constexpr int32_t kDeleted = -2;

inline bool int_equals_float(int64_t i, double f) { return f == f && compare_int_float(i, f) == 0; }

// Fast equality for the common key kinds before falling back to __eq__. `str_type` is the
// running VM's str, looked up once per probe sequence rather than once per compare.
inline bool quick_equal(const Value& a, const Value& b, const Type*& str_type, bool& decided) {
  decided = true;
  if (a.same(b)) return true;
  if (a.is_obj() && b.is_obj()) {
    Obj* x = a.obj();
    Obj* y = b.obj();
    if (x->type == y->type) {
      if (!str_type) str_type = vm().t.str;
      if (x->type == str_type) return static_cast<Str*>(x)->s == static_cast<Str*>(y)->s;
    }
  }
  if (!a.is_obj() && !b.is_obj()) {
    if (a.is_intlike() && b.is_intlike()) return a.as_int() == b.as_int();
    if (a.is_float() && b.is_float()) return a.as_float() == b.as_float();
    if (a.is_float() && b.is_intlike()) return int_equals_float(b.as_int(), a.as_float());
    if (b.is_float() && a.is_intlike()) return int_equals_float(a.as_int(), b.as_float());
    return false;
  }
  decided = false;
  return false;
}

// CPython's USABLE_FRACTION: a table of `size` index slots holds at most 2/3 of it in entries.
constexpr size_t usable(size_t size) { return size * 2 / 3; }

}  // namespace

// [SECTION] DictTable ---------------------------------------------------------------------

int64_t DictTable::lookup_slot(const Value& key, int64_t hash, bool for_insert) const {
  if (index_.empty()) return -1;
  size_t mask = index_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  int64_t first_deleted = -1;
  const Type* str_type = nullptr;
  for (;;) {
    int32_t ix = index_[i];
    if (ix == kEmpty) {
      if (for_insert) return first_deleted >= 0 ? first_deleted : static_cast<int64_t>(i);
      return -1;
    }
    if (ix == kDeleted) {
      if (first_deleted < 0) first_deleted = static_cast<int64_t>(i);
    } else {
      const Entry& e = entries_[static_cast<size_t>(ix)];
      if (e.hash == hash) {
        bool decided;
        bool eq = quick_equal(e.key, key, str_type, decided);
        if (!decided) eq = keys_equal(e.key, key);
        if (eq) return for_insert ? static_cast<int64_t>(i) : ix;
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

Value* DictTable::find(const Value& key, int64_t hash) {
  int64_t ix = lookup_slot(key, hash, false);
  return ix < 0 ? nullptr : &entries_[static_cast<size_t>(ix)].value;
}

int64_t DictTable::find_str_index(Str* name) const {
  if (index_.empty()) return -1;
  int64_t hash = name->hash;
  if (hash == -1) {
    Value key(name);
    return lookup_slot(key, hash_value(key), false);
  }
  size_t mask = index_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    int32_t ix = index_[i];
    if (ix == kEmpty) return -1;
    if (ix >= 0) {
      const Entry& e = entries_[static_cast<size_t>(ix)];
      if (e.key.is_obj() && e.key.obj() == name) return ix;
      if (e.hash == hash && e.key.is_obj()) {
        Obj* key = e.key.obj();
        Str* s = key->type == name->type ? static_cast<Str*>(key) : dynamic_cast<Str*>(key);
        if (s && s->s == name->s) return ix;
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

void DictTable::set(Value key, Value value, int64_t hash) {
  uint64_t before = version_;
  int64_t slot = lookup_slot(key, hash, true);
  if (slot >= 0 && index_[static_cast<size_t>(slot)] >= 0) {
    entries_[static_cast<size_t>(index_[static_cast<size_t>(slot)])].value = std::move(value);
    return;
  }
  if (version_ != before) {  // a key's __eq__ changed this table: `slot` is stale
    set(std::move(key), std::move(value), hash);
    return;
  }
  if (entries_.size() >= usable(index_.size())) {
    rebuild((used_ + 1) * 3);
    slot = lookup_slot(key, hash, true);
  }
  index_[static_cast<size_t>(slot)] = static_cast<int32_t>(entries_.size());
  entries_.push_back(Entry{hash, std::move(key), std::move(value)});
  ++used_;
  changed();
}

Value DictTable::erase(const Value& key) {
  int64_t h = hash_value(key);
  if (index_.empty()) return Value();
  const Type* str_type = nullptr;
  size_t mask = index_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(h);
  size_t i = static_cast<size_t>(h) & mask;
  for (;;) {
    int32_t ix = index_[i];
    if (ix == kEmpty) return Value();
    if (ix >= 0) {
      Entry& e = entries_[static_cast<size_t>(ix)];
      bool decided;
      bool eq = e.hash == h && quick_equal(e.key, key, str_type, decided);
      if (e.hash == h && !decided) eq = keys_equal(e.key, key);
      if (eq) {
        index_[i] = kDeleted;
        Value out = std::move(e.value);
        e.key = Value();
        e.value = Value();
        --used_;
        changed();
        if (used_ == 0) clear();
        return out;
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

DictTable::Entry DictTable::pop_last() {
  while (entries_.back().key.is_null()) entries_.pop_back();
  Entry out = std::move(entries_.back());
  entries_.pop_back();
  rebuild(used_ * 3);
  --used_;
  changed();
  return out;
}

void DictTable::clear() {
  std::vector<Entry> old;
  old.swap(entries_);
  index_.clear();
  used_ = 0;
  changed();
}

void DictTable::rebuild(size_t min_size) {
  size_t size = 8;
  while (size < min_size) size <<= 1;
  // Reserving the usable fraction means entries never reallocate between two rebuilds.
  if (used_ == entries_.size()) {
    entries_.reserve(usable(size));
  } else {
    std::vector<Entry> compact;
    compact.reserve(usable(size));
    for (auto& e : entries_) {
      if (!e.key.is_null()) compact.push_back(std::move(e));
    }
    entries_.swap(compact);
  }
  index_.assign(size, kEmpty);
  size_t mask = size - 1;
  for (size_t n = 0; n < entries_.size(); ++n) {
    uint64_t perturb = static_cast<uint64_t>(entries_[n].hash);
    size_t i = static_cast<size_t>(entries_[n].hash) & mask;
    while (index_[i] != kEmpty) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    index_[i] = static_cast<int32_t>(n);
  }
}

}  // namespace looplab::lang
