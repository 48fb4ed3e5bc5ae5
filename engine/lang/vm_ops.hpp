#pragma once
// The out-of-line parts of opcodes (vm_ops.cpp): what a case of the dispatch loop does
// when its fast path does not apply. Not a public header.

#include "engine/lang/code.hpp"
#include "engine/lang/frame.hpp"

namespace looplab::lang {

[[noreturn]] void unbound_local(Frame* f, uint32_t slot);
[[noreturn]] void unbound_deref(Frame* f, uint32_t slot);
[[noreturn]] void name_error(Str* name);
// LOAD_GLOBAL's slow path: finds the global or builtin and refills the memo.
void find_global(Frame* f, Str* name, Code::GlobalCache& gc);
Value load_name(Frame* f, Str* name);
Value load_classderef(Frame* f, uint32_t slot);
Value subscript(const Value& container, const Value& key);
Value fast_next(const Value& it);  // Null when exhausted
Value build_set(Value* items, uint32_t n);
Value build_map(Value* items, uint32_t n);
Value build_string(Value* items, uint32_t n);
// `callable`: the function a call's */** argument goes to, named in errors (or null).
void extend_container(Op op, Value& container, const Value& v, const Value* callable);
void unpack_sequence(const Value& seq, uint32_t n, Value* dest);
uint32_t unpack_ex(const Value& seq, uint32_t before, uint32_t after, Value* dest);
Value format_field(const Value& v, uint32_t conversion, const Value& spec);
Value make_function(Frame* f, uint32_t flags, Value*& sp);
bool exception_matches(const Value& exc, const Value& type_or_tuple);
void check_eg_match(Value* sp);
Value prep_reraise_star(const Value& orig, const Value& raised, const Value& rest);
// The exception a `raise` statement raises (instantiating a class, attaching the cause);
// `reraise` is set for a bare `raise`, which adds no traceback entry.
Value prepare_raise(Value exc, Value cause, bool has_cause, bool& reraise);
Value with_exit_on_error(const Value& exit, const Value& exc);
Value import_from(const Value& module, Str* name);
void import_star(Frame* f, const Value& module);
Value send_to_iterator(const Value& it, Value sent, bool& returned);
void push_block(Frame* f, BlockKind kind, uint32_t handler, uint32_t level);

}  // namespace looplab::lang
