#pragma once
// Hash tables behind dict and set.
//
// DictTable keeps CPython's insertion order: a dense entry vector plus an open-addressed
// index. SetTable reproduces CPython's set layout (setobject.c: linear probes, then
// perturbation; the same sizing), so that iterating a set gives CPython's order.
//
// Key equality may run Python code (`__eq__`), which may throw PyException.

#include <atomic>
#include <cstdint>
#include <vector>

#include "engine/lang/value.hpp"

namespace looplab::lang {

struct Str;

// CPython's hash() of a value; raises TypeError for unhashable values.
int64_t hash_value(const Value& v);
// `a == b` for keys: identity first, then numbers and strings, then __eq__.
bool keys_equal(const Value& a, const Value& b);

// Bumped whenever a watched table (a class's dict) gains or loses a key, so one compare
// tells an attribute cache that no class anywhere changed shape since it was filled.
// Shared by every VM: a bump from another run only costs a cache refill.
extern std::atomic<uint64_t> class_dicts_epoch;
inline uint64_t class_epoch() { return class_dicts_epoch.load(std::memory_order_relaxed); }

class DictTable {
 public:
  struct Entry {
    int64_t hash = 0;
    Value key;  // Null marks a deleted entry
    Value value;
  };

  size_t size() const { return used_; }
  // Pointer to the stored value, or null.
  Value* find(const Value& key) { return find(key, hash_value(key)); }
  Value* find(const Value& key, int64_t hash);
  // Lookup by an interned name (attribute and global access): pointer compare first.
  Value* find_str(Str* name) {
    int64_t i = find_str_index(name);
    return i < 0 ? nullptr : &entries_[static_cast<size_t>(i)].value;
  }
  // The entry number holding `name`, or -1.
  int64_t find_str_index(Str* name) const;
  // The value of entry `i` when that entry's key is the object `name` itself: inline
  // caches remember where an attribute was, and this checks the guess in O(1).
  Value* hinted(size_t i, const Obj* name) {
    if (i >= entries_.size()) return nullptr;
    Entry& e = entries_[i];
    return e.key.is_obj() && e.key.obj() == name ? &e.value : nullptr;
  }
  // From now on, gaining or losing a key bumps class_dicts_epoch.
  void watch() { watched_ = true; }
  void set(Value key, Value value) {
    int64_t h = hash_value(key);
    set(std::move(key), std::move(value), h);
  }
  void set(Value key, Value value, int64_t hash);
  // Removes the key and returns its value (Null if absent).
  Value erase(const Value& key);
  void clear();
  // Entry slots in insertion order; skip entries whose key is Null.
  const std::vector<Entry>& entries() const { return entries_; }
  std::vector<Entry>& entries() { return entries_; }
  // Bumped on every insertion or removal (iterators detect "changed size").
  uint64_t version() const { return version_; }
  // Removes and returns the last entry (popitem); the table must not be empty.
  Entry pop_last();

 private:
  int64_t lookup_slot(const Value& key, int64_t hash, bool for_insert) const;
  void rebuild(size_t min_size);
  void changed() {
    ++version_;
    if (watched_) class_dicts_epoch.fetch_add(1, std::memory_order_relaxed);
  }

  std::vector<Entry> entries_;
  std::vector<int32_t> index_;  // -1 empty, -2 deleted, else entry number
  size_t used_ = 0;
  uint64_t version_ = 0;
  bool watched_ = false;
};

class SetTable {
 public:
  struct Slot {
    int64_t hash = 0;
    Value key;  // Null: empty (dummy when `dummy`)
    bool dummy = false;
  };

  SetTable();
  size_t size() const { return used_; }
  bool contains(const Value& key) { return contains(key, hash_value(key)); }
  bool contains(const Value& key, int64_t hash);
  void add(Value key) {
    int64_t h = hash_value(key);
    add(std::move(key), h);
  }
  void add(Value key, int64_t hash);
  bool discard(const Value& key);
  void clear();
  // Slots in table order (CPython's iteration order); skip slots without a key.
  const std::vector<Slot>& slots() const { return table_; }
  uint64_t version() const { return version_; }
  // Removes and returns the first key in iteration order (set.pop()).
  Value pop_first();

 private:
  Slot* find_slot(const Value& key, int64_t hash);
  void resize(size_t minused);
  void insert_clean(Value key, int64_t hash);

  std::vector<Slot> table_;
  size_t used_ = 0;
  size_t fill_ = 0;
  size_t finger_ = 0;
  uint64_t version_ = 0;
};

}  // namespace looplab::lang
