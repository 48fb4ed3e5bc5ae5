#pragma once
// Hash tables behind dict and set.
//
// DictTable keeps CPython's insertion order: a dense entry vector plus an open-addressed
// index. SetTable reproduces CPython's set layout (setobject.c: linear probes, then
// perturbation; the same sizing), so that iterating a set gives CPython's order.
//
// Key equality may run Python code (`__eq__`), which may throw PyException.

#include <cstdint>
#include <vector>

#include "engine/lang/value.hpp"

namespace looplab::lang {

struct Str;

// CPython's hash() of a value; raises TypeError for unhashable values.
int64_t hash_value(const Value& v);
// `a == b` for keys: identity first, then numbers and strings, then __eq__.
bool keys_equal(const Value& a, const Value& b);

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
  Value* find_str(Str* name);
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

  std::vector<Entry> entries_;
  std::vector<int32_t> index_;  // -1 empty, -2 deleted, else entry number
  size_t used_ = 0;
  uint64_t version_ = 0;
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
