#pragma once
// The Python value: None, bools, ints and floats live inline in a 16-byte tagged word;
// everything else is a reference-counted heap object (`Obj`, a `loop::Object`), so a
// value crosses into engine/loop without wrapping.
//
// `Value` owns its reference: copying increfs, destruction decrefs. The VM moves values
// between stack slots, so the common paths never touch a refcount. A `Null` value is
// "no value": an unbound local, an empty stack slot, a missing optional.

#include <cstdint>
#include <string>
#include <utility>

#include "engine/loop/object.hpp"

namespace looplab::lang {

struct Obj;
struct Type;

enum class Tag : uint8_t { Null, None, Bool, Int, Float, Obj };

class Value {
 public:
  Value() noexcept : tag_(Tag::Null), i_(0) {}
  explicit Value(Obj* o) noexcept;  // increfs; null gives Null
  Value(const Value& v) noexcept : tag_(v.tag_), i_(v.i_) { incref(); }
  Value(Value&& v) noexcept : tag_(v.tag_), i_(v.i_) { v.tag_ = Tag::Null; }
  ~Value() { decref(); }
  Value& operator=(const Value& v) noexcept {
    Value tmp(v);
    swap(tmp);
    return *this;
  }
  Value& operator=(Value&& v) noexcept {
    Value tmp(std::move(v));
    swap(tmp);
    return *this;
  }
  void swap(Value& v) noexcept {
    std::swap(tag_, v.tag_);
    std::swap(i_, v.i_);
  }

  static Value none() noexcept { return Value(Tag::None, 0); }
  static Value boolean(bool b) noexcept { return Value(Tag::Bool, b ? 1 : 0); }
  static Value integer(int64_t i) noexcept { return Value(Tag::Int, i); }
  static Value floating(double d) noexcept {
    Value v(Tag::Float, 0);
    v.f_ = d;
    return v;
  }
  // Takes over a reference the caller already owns (a fresh object has refcount 0, so
  // use the Obj* constructor for those).
  static Value steal(Obj* o) noexcept;

  Tag tag() const noexcept { return tag_; }
  bool is_null() const noexcept { return tag_ == Tag::Null; }
  bool is_none() const noexcept { return tag_ == Tag::None; }
  bool is_bool() const noexcept { return tag_ == Tag::Bool; }
  bool is_int() const noexcept { return tag_ == Tag::Int; }
  // ints and bools: bool is a subclass of int.
  bool is_intlike() const noexcept { return tag_ == Tag::Int || tag_ == Tag::Bool; }
  bool is_float() const noexcept { return tag_ == Tag::Float; }
  bool is_obj() const noexcept { return tag_ == Tag::Obj; }
  explicit operator bool() const noexcept { return tag_ != Tag::Null; }

  int64_t as_int() const noexcept { return i_; }
  bool as_bool() const noexcept { return i_ != 0; }
  double as_float() const noexcept { return f_; }
  Obj* obj() const noexcept { return o_; }
  template <class T>
  T* as() const noexcept {
    return static_cast<T*>(o_);
  }
  // The object pointer when this is an object of exactly type `t`, else null.
  template <class T>
  T* if_type(const Type* t) const noexcept;

  Type* type() const noexcept;
  // Identity (`is`): same tag and same payload.
  bool same(const Value& v) const noexcept { return tag_ == v.tag_ && i_ == v.i_; }

  // Gives up ownership without decref (for handing a reference to a raw holder).
  Obj* release_obj() noexcept {
    tag_ = Tag::Null;
    return o_;
  }

 private:
  Value(Tag t, int64_t i) noexcept : tag_(t), i_(i) {}
  inline void incref() const noexcept;
  inline void decref() noexcept;

  Tag tag_;
  union {
    int64_t i_;
    double f_;
    Obj* o_;
  };
};

// [SECTION] The heap object base --------------------------------------------------------

// Every Python heap object. Objects are linked into their interpreter's heap list so a run
// can free everything at the end (cycles included), and carry a deterministic serial for
// `id()` and the default `hash()`.
struct Obj : loop::Object {
  explicit Obj(Type* t);
  ~Obj() override;
  void release() const override;
  // Drops every reference this object holds to other objects (teardown breaks cycles).
  virtual void clear_refs() {}

  static void* operator new(size_t size);
  static void operator delete(void* p, size_t size);

  Type* type;  // owned reference
  Obj* heap_prev = nullptr;
  Obj* heap_next = nullptr;
  uint64_t serial;
};

inline Value::Value(Obj* o) noexcept : tag_(o ? Tag::Obj : Tag::Null), o_(o) {
  if (o) o->incref();
}

inline Value Value::steal(Obj* o) noexcept {
  Value v;
  if (o) {
    v.tag_ = Tag::Obj;
    v.o_ = o;
  }
  return v;
}

inline void Value::incref() const noexcept {
  if (tag_ == Tag::Obj) o_->incref();
}

inline void Value::decref() noexcept {
  if (tag_ == Tag::Obj && o_->decref()) o_->release();
}

template <class T>
T* Value::if_type(const Type* t) const noexcept {
  return (tag_ == Tag::Obj && o_->type == t) ? static_cast<T*>(o_) : nullptr;
}

}  // namespace looplab::lang
