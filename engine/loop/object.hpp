#pragma once
// The contract between engine/loop and whatever language runs on it.
//
// engine/loop knows nothing of Python. Every value it stores (a future's result, an
// exception, a task's coroutine) is an `Object`: an intrusively reference-counted heap
// object with a virtual destructor. engine/lang derives its heap objects from it, so a
// Python value crosses into the loop without wrapping; native tests derive small C++
// objects from it. Reference counting (not tracing) is deliberate: CPython frees an
// object the moment its last reference goes, and students can see that moment.

#include <cstdint>
#include <string>
#include <utility>

namespace looplab::loop {

// [SECTION] Object and Ref ---------------------------------------------------------

class Object {
 public:
  Object() = default;
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  virtual ~Object() = default;

  void incref() const noexcept { ++refcount_; }
  // Returns true when this call dropped the last reference (the caller destroys).
  bool decref() const noexcept { return --refcount_ == 0; }
  uint32_t refcount() const noexcept { return refcount_; }

  // Called instead of `delete` when the last reference goes; a language with a free
  // list or finalisers (__del__) overrides it.
  virtual void release() const { delete this; }

 private:
  mutable uint32_t refcount_ = 0;
};

// An owning pointer to an Object (or a subclass). Null is allowed and, at the boundary
// with the language, means None.
template <class T>
class Ref {
 public:
  Ref() noexcept = default;
  Ref(std::nullptr_t) noexcept {}  // NOLINT(google-explicit-constructor)
  explicit Ref(T* p) noexcept : p_(p) { if (p_) p_->incref(); }
  Ref(const Ref& o) noexcept : p_(o.p_) { if (p_) p_->incref(); }
  Ref(Ref&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  template <class U>
  Ref(const Ref<U>& o) noexcept : p_(o.get()) { if (p_) p_->incref(); }  // NOLINT
  ~Ref() { reset(); }

  Ref& operator=(Ref o) noexcept { std::swap(p_, o.p_); return *this; }

  void reset() noexcept {
    // Qualified through Object so a subclass's own `release()` (asyncio's
    // Lock.release) can never hide the refcount hook; the call still dispatches virtually.
    if (p_ && p_->decref()) static_cast<const Object*>(p_)->release();
    p_ = nullptr;
  }
  T* get() const noexcept { return p_; }
  T* operator->() const noexcept { return p_; }
  T& operator*() const noexcept { return *p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }
  friend bool operator==(const Ref& a, const Ref& b) noexcept { return a.p_ == b.p_; }

 private:
  T* p_ = nullptr;
};

template <class T, class... Args>
Ref<T> make_ref(Args&&... args) {
  return Ref<T>(new T(std::forward<Args>(args)...));
}

using Value = Ref<Object>;

}  // namespace looplab::loop
