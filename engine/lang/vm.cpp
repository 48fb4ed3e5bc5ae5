// The VM's dispatch loop: VM::execute and VM::run, one case per opcode. The VM's state,
// unwinding and generator resumption are in vm_frames.cpp.
#include "engine/lang/vm.hpp"

#include <cstring>

#include "engine/lang/builtins.hpp"
#include "engine/lang/call.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm_async.hpp"
#include "engine/lang/vm_ops.hpp"

namespace looplab::lang {

// [SECTION] Dispatch loop ----------------------------------------------------------------------

// Stack slots above sp hold no object (popping moves or clears them), so a push
// constructs in place instead of assigning over the old value.
#define PUSH(v) (new (sp++) Value(v))
#define POP() (std::move(*--sp))
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define NAME(i) (f->code->names[i].as<Str>())

Value VM::execute(Frame* entry, Value pending) {
  if (!pending.is_null()) {
    Frame* f = frame;
    if (!unwind(f, entry, pending, true)) throw PyException{pending};
  }
  for (;;) {
    try {
      return run(entry);
    } catch (PyException& e) {
      if (passing_through) {  // already unwound up to and including `entry`
        passing_through = false;
        throw;
      }
      Frame* f = frame;
      Value exc = std::move(e.exc);
      bool add_tb = !reraising;
      if (add_tb) set_context(exc);
      reraising = false;
      if (!unwind(f, entry, exc, add_tb)) throw PyException{exc};
    }
  }
}

Value VM::run(Frame* entry) {
  Frame* f = frame;
  const uint32_t* code = f->code->ops.data();
  Value* locals = f->slots;
  Value* sp = f->sp;
  uint32_t pc = f->pc;
  Value raised;  // the exception of an inline raise
  bool raised_again = false;  // a re-raise: no new traceback entry

#define SAVE() (f->sp = sp, f->pc = pc)
#define LOAD()                       \
  do {                               \
    f = frame;                       \
    code = f->code->ops.data();      \
    locals = f->slots;               \
    sp = f->sp;                      \
    pc = f->pc;                      \
  } while (0)

  for (;;) {
    uint32_t word = code[pc++];
    uint32_t arg = arg_of(word);
    f->pc = pc;
    switch (op_of(word)) {
      case Op::NOP: break;
      case Op::POP_TOP: --sp; *sp = Value(); break;
      case Op::DUP_TOP: sp[0] = sp[-1]; ++sp; break;
      case Op::DUP_TOP_TWO:
        sp[0] = sp[-2];
        sp[1] = sp[-1];
        sp += 2;
        break;
      case Op::ROT_TWO: sp[-1].swap(sp[-2]); break;
      case Op::ROT_THREE:
        sp[-1].swap(sp[-2]);
        sp[-2].swap(sp[-3]);
        break;
      case Op::ROT_FOUR:
        sp[-1].swap(sp[-2]);
        sp[-2].swap(sp[-3]);
        sp[-3].swap(sp[-4]);
        break;
      case Op::PUSH_NULL: *sp++ = Value(); break;
      case Op::LOAD_CONST: PUSH(f->code->consts[arg]); break;
      case Op::LOAD_FAST: {
        const Value& v = locals[arg];
        if (v.is_null()) SAVE(), unbound_local(f, arg);
        PUSH(v);
        break;
      }
      case Op::STORE_FAST: locals[arg] = POP(); break;
      case Op::DELETE_FAST:
        if (locals[arg].is_null()) SAVE(), unbound_local(f, arg);
        locals[arg] = Value();
        break;
      case Op::LOAD_DEREF: {
        Cell* c = locals[arg].as<Cell>();
        if (c->value.is_null()) SAVE(), unbound_deref(f, arg);
        PUSH(c->value);
        break;
      }
      case Op::STORE_DEREF: locals[arg].as<Cell>()->value = POP(); break;
      case Op::DELETE_DEREF: {
        Cell* c = locals[arg].as<Cell>();
        if (c->value.is_null()) SAVE(), unbound_deref(f, arg);
        c->value = Value();
        break;
      }
      case Op::LOAD_CLOSURE: PUSH(locals[arg]); break;
      case Op::LOAD_CLASSDEREF: {
        SAVE();
        PUSH(load_classderef(f, arg));
        break;
      }
      case Op::LOAD_GLOBAL: {
        Code* co = f->code;
        if (co->global_cache.size() <= arg) co->global_cache.resize(co->names.size());
        Code::GlobalCache& gc = co->global_cache[arg];
        if (gc.globals != f->globals || gc.globals_version != f->globals->table.version() ||
            gc.builtins_version != builtins_dict()->table.version()) {
          SAVE();
          find_global(f, NAME(arg), gc);
        }
        PUSH(*gc.slot);
        break;
      }
      case Op::STORE_GLOBAL: {
        SAVE();
        Value v = POP();
        f->globals->table.set(Value(NAME(arg)), std::move(v));
        break;
      }
      case Op::DELETE_GLOBAL:
        SAVE();
        if (f->globals->table.erase(Value(NAME(arg))).is_null()) name_error(NAME(arg));
        break;
      case Op::LOAD_NAME: SAVE(); PUSH(load_name(f, NAME(arg))); break;
      case Op::STORE_NAME: {
        SAVE();
        Value v = POP();
        f->locals.as<DictObj>()->table.set(Value(NAME(arg)), std::move(v));
        break;
      }
      case Op::DELETE_NAME:
        SAVE();
        if (f->locals.as<DictObj>()->table.erase(Value(NAME(arg))).is_null()) {
          name_error(NAME(arg));
        }
        break;
      case Op::LOAD_ATTR: {
        SAVE();
        Value v = load_attr_cached(TOP(), NAME(arg), f->code->attr_cache_at(pc - 1));
        TOP() = std::move(v);
        break;
      }
      case Op::STORE_ATTR: {
        SAVE();
        store_attr_cached(TOP(), NAME(arg), std::move(SECOND()), f->code->attr_cache_at(pc - 1));
        sp -= 2;
        sp[0] = Value();
        sp[1] = Value();
        break;
      }
      case Op::DELETE_ATTR:
        SAVE();
        del_attr(TOP(), NAME(arg));
        *--sp = Value();
        break;
      case Op::LOAD_METHOD: {
        SAVE();
        bool is_method = false;
        Value m = load_method_cached(TOP(), NAME(arg), is_method, f->code->attr_cache_at(pc - 1));
        if (is_method) {
          sp[0] = std::move(sp[-1]);
          sp[-1] = std::move(m);
        } else {
          sp[-1] = std::move(m);
          sp[0] = Value();
        }
        ++sp;
        break;
      }
      case Op::BINARY_SUBSCR: {
        SAVE();
        if (auto* d = sp[-2].if_type<DictObj>(t.dict)) {
          Value* r = d->table.find(sp[-1]);
          if (!r) {
            raised = new_exception_args(hot_exc.key_error, {sp[-1]});
            goto raise_inline;
          }
          Value found = *r;
          *--sp = Value();
          TOP() = std::move(found);
          break;
        }
        if (auto* l = sp[-2].if_type<List>(t.list); l && sp[-1].is_int()) {
          int64_t i = sp[-1].as_int();
          int64_t n = static_cast<int64_t>(l->items.size());
          if (i < 0) i += n;
          if (i < 0 || i >= n) {
            raised = new_exception(hot_exc.index_error, "list index out of range");
            goto raise_inline;
          }
          Value found = l->items[static_cast<size_t>(i)];
          *--sp = Value();
          TOP() = std::move(found);
          break;
        }
        Value r = subscript(sp[-2], sp[-1]);
        *--sp = Value();
        TOP() = std::move(r);
        break;
      }
      case Op::STORE_SUBSCR:
        SAVE();
        set_item(sp[-2], sp[-1], std::move(sp[-3]));
        for (int i = 1; i <= 3; ++i) sp[-i] = Value();
        sp -= 3;
        break;
      case Op::DELETE_SUBSCR:
        SAVE();
        del_item(sp[-2], sp[-1]);
        sp[-1] = Value();
        sp[-2] = Value();
        sp -= 2;
        break;
      case Op::BINARY_OP: {
        Value& a = sp[-2];
        Value& b = sp[-1];
        if (a.is_int() && b.is_int()) {
          int64_t r;
          int64_t x = a.as_int(), y = b.as_int();
          switch (static_cast<ast::BinOpKind>(arg & 15)) {
            case ast::BinOpKind::Add:
              if (__builtin_add_overflow(x, y, &r)) goto slow_binary;
              break;
            case ast::BinOpKind::Sub:
              if (__builtin_sub_overflow(x, y, &r)) goto slow_binary;
              break;
            case ast::BinOpKind::Mult:
              if (__builtin_mul_overflow(x, y, &r)) goto slow_binary;
              break;
            case ast::BinOpKind::Mod:
              if (y <= 0 || x < 0) goto slow_binary;
              r = x % y;
              break;
            case ast::BinOpKind::FloorDiv:
              if (y <= 0 || x < 0) goto slow_binary;
              r = x / y;
              break;
            case ast::BinOpKind::BitAnd: r = x & y; break;
            case ast::BinOpKind::BitOr: r = x | y; break;
            case ast::BinOpKind::BitXor: r = x ^ y; break;
            default: goto slow_binary;
          }
          --sp;
          sp[-1] = Value::integer(r);
          break;
        }
        if (a.is_float() && b.is_float()) {
          double x = a.as_float(), y = b.as_float(), r;
          switch (static_cast<ast::BinOpKind>(arg & 15)) {
            case ast::BinOpKind::Add: r = x + y; break;
            case ast::BinOpKind::Sub: r = x - y; break;
            case ast::BinOpKind::Mult: r = x * y; break;
            case ast::BinOpKind::Div:
              if (y == 0.0) goto slow_binary;
              r = x / y;
              break;
            default: goto slow_binary;
          }
          --sp;
          sp[-1] = Value::floating(r);
          break;
        }
      slow_binary : {
        SAVE();
        Value r = binary_op(static_cast<ast::BinOpKind>(arg & 15), a, b, (arg & 16) != 0);
        *--sp = Value();
        TOP() = std::move(r);
        break;
      }
      }
      case Op::UNARY_OP: {
        SAVE();
        Value r = unary_op(static_cast<ast::UnaryOpKind>(arg), TOP());
        TOP() = std::move(r);
        break;
      }
      case Op::COMPARE_OP: {
        Value& a = sp[-2];
        Value& b = sp[-1];
        if (a.is_int() && b.is_int()) {
          int64_t x = a.as_int(), y = b.as_int();
          bool r;
          switch (static_cast<ast::CmpOpKind>(arg)) {
            case ast::CmpOpKind::Lt: r = x < y; break;
            case ast::CmpOpKind::LtE: r = x <= y; break;
            case ast::CmpOpKind::Gt: r = x > y; break;
            case ast::CmpOpKind::GtE: r = x >= y; break;
            case ast::CmpOpKind::Eq: r = x == y; break;
            case ast::CmpOpKind::NotEq: r = x != y; break;
            default: goto slow_compare;
          }
          --sp;
          sp[-1] = Value::boolean(r);
          break;
        }
      slow_compare : {
        SAVE();
        Value r = compare(static_cast<ast::CmpOpKind>(arg), a, b);
        *--sp = Value();
        TOP() = std::move(r);
        break;
      }
      }
      case Op::JUMP:
        // The budget is charged per loop iteration (its length), per call and per return
        // rather than per instruction: a runaway program still meets it.
        if (arg < pc) {
          budget -= pc - arg;
          if (budget < 0) refuel();
        }
        pc = arg;
        break;
      case Op::POP_JUMP_IF_FALSE: {
        Value v = POP();
        bool t = v.is_bool() ? v.as_bool() : (SAVE(), truthy(v));
        if (!t) pc = arg;
        break;
      }
      case Op::POP_JUMP_IF_TRUE: {
        Value v = POP();
        bool t = v.is_bool() ? v.as_bool() : (SAVE(), truthy(v));
        if (t) pc = arg;
        break;
      }
      case Op::JUMP_IF_FALSE_OR_POP:
        SAVE();
        if (!truthy(TOP())) {
          pc = arg;
        } else {
          *--sp = Value();
        }
        break;
      case Op::JUMP_IF_TRUE_OR_POP:
        SAVE();
        if (truthy(TOP())) {
          pc = arg;
        } else {
          *--sp = Value();
        }
        break;
      case Op::GET_ITER: {
        SAVE();
        Value it = get_iter(TOP());
        TOP() = std::move(it);
        break;
      }
      case Op::FOR_ITER: {
        Value& it = TOP();
        if (auto* g = it.if_type<Generator>(t.generator)) {
          SAVE();
          if (resume_inline(g, Value::none(), ResumeKind::ForIter)) {
            LOAD();
            break;
          }
          f->sp = --sp;
          *sp = Value();
          pc = arg;
          break;
        }
        SAVE();
        Value v = fast_next(it);
        if (v.is_null()) {
          *--sp = Value();
          pc = arg;
        } else {
          PUSH(std::move(v));
        }
        break;
      }
      case Op::BUILD_TUPLE: {
        std::vector<Value> items(arg);
        for (uint32_t i = 0; i < arg; ++i) items[i] = std::move((sp - arg)[i]);
        sp -= arg;
        PUSH(Value(new Tuple(std::move(items))));
        break;
      }
      case Op::BUILD_LIST: {
        std::vector<Value> items(arg);
        for (uint32_t i = 0; i < arg; ++i) items[i] = std::move((sp - arg)[i]);
        sp -= arg;
        SAVE();
        PUSH(Value(new List(std::move(items))));
        break;
      }
      case Op::BUILD_SET: {
        SAVE();
        Value s = build_set(sp - arg, arg);
        sp -= arg;
        PUSH(std::move(s));
        break;
      }
      case Op::BUILD_MAP: {
        SAVE();
        Value d = build_map(sp - 2 * arg, arg);
        sp -= 2 * arg;
        PUSH(std::move(d));
        break;
      }
      case Op::BUILD_STRING: {
        SAVE();
        Value s = build_string(sp - arg, arg);
        sp -= arg;
        PUSH(std::move(s));
        break;
      }
      case Op::BUILD_SLICE: {
        Value step = arg == 3 ? POP() : Value::none();
        Value stop = POP();
        Value start = POP();
        PUSH(Value(new Slice(std::move(start), std::move(stop), std::move(step))));
        break;
      }
      case Op::LIST_APPEND: {
        Value v = POP();
        sp[-static_cast<int>(arg)].as<List>()->items.push_back(std::move(v));
        break;
      }
      case Op::SET_ADD: {
        SAVE();
        Value v = POP();
        sp[-static_cast<int>(arg)].as<SetObj>()->table.add(std::move(v));
        break;
      }
      case Op::MAP_ADD: {
        SAVE();
        Value v = POP();
        Value k = POP();
        sp[-static_cast<int>(arg)].as<DictObj>()->table.set(std::move(k), std::move(v));
        break;
      }
      case Op::LIST_EXTEND:
      case Op::SET_UPDATE:
      case Op::DICT_UPDATE:
      case Op::DICT_MERGE: {
        SAVE();
        Value v = POP();
        Value* container = sp - (arg & 0xFF);
        // A call's callable sits below [self or Null, (args tuple,)] the container.
        const Value* callable = nullptr;
        if (op_of(word) == Op::DICT_MERGE) callable = container - 3;
        if (arg & kExtendCallArgs) callable = container - 2;
        extend_container(op_of(word), *container, v, callable);
        break;
      }
      case Op::LIST_TO_TUPLE: {
        List* l = TOP().as<List>();
        Value t2(new Tuple(std::move(l->items)));
        TOP() = std::move(t2);
        break;
      }
      case Op::UNPACK_SEQUENCE: {
        SAVE();
        Value seq = POP();
        unpack_sequence(seq, arg, sp);
        sp += arg;
        break;
      }
      case Op::UNPACK_EX: {
        SAVE();
        Value seq = POP();
        uint32_t n = unpack_ex(seq, arg & 0xFF, arg >> 8, sp);
        sp += n;
        break;
      }
      case Op::FORMAT_VALUE: {
        SAVE();
        Value spec = (arg & 4) ? POP() : Value();
        Value r = format_field(TOP(), arg & 3, spec);
        TOP() = std::move(r);
        break;
      }
      case Op::CALL:
      case Op::CALL_KW: {
        Tuple* kwnames = nullptr;
        Value names;
        if (op_of(word) == Op::CALL_KW) {
          names = POP();
          kwnames = names.as<Tuple>();
        }
        uint32_t nargs = arg;
        Value* callable = sp - nargs - 2;
        Value* args = sp - nargs;
        if (!callable[1].is_null()) {
          --args;
          ++nargs;
        }
        size_t npos = nargs - (kwnames ? kwnames->items.size() : 0);
        SAVE();
        if (--budget < 0) refuel();
        if (auto* fn = callable->if_type<Function>(t.function)) {
          Code* co = fn->code.as<Code>();
          if (co->plain_call) {
            Frame* nf = nullptr;
            if (!kwnames && npos == static_cast<size_t>(co->argcount) && fn->closure.is_null()) {
              nf = new_frame(co, fn->globals.as<DictObj>());
              for (size_t i = 0; i < npos; ++i) nf->slots[i] = std::move(args[i]);
            } else {
              nf = bind_plain(fn, co, args, npos, kwnames, args + npos);
            }
            if (nf) {
              nf->func = std::move(*callable);  // the self slot was moved from or is Null
              sp = callable;
              f->sp = sp;
              push_frame(nf);
              LOAD();
              break;
            }
          }
          Frame* nf = bind_call(fn, args, npos, kwnames, args + npos);
          for (Value* p = callable; p < sp; ++p) *p = Value();
          sp = callable;
          f->sp = sp;
          if (fn->code.as<Code>()->flags & (kGenerator | kCoroutine | kAsyncGenerator)) {
            Value g = make_generator(fn, nf);
            PUSH(std::move(g));
            break;
          }
          push_frame(nf);
          LOAD();
          break;
        }
        Value result = call_slow(callable, args, npos, kwnames, sp);
        sp = callable;
        if (!pending_exception.is_null()) {
          raised = std::move(pending_exception);
          goto raise_inline;
        }
        if (result.is_null()) {  // a Python frame was pushed
          LOAD();
          break;
        }
        PUSH(std::move(result));
        break;
      }
      case Op::CALL_EX: {
        SAVE();
        Value kwargs = (arg & 1) ? POP() : Value();
        Value args = POP();
        Value self = POP();
        Value callable = POP();
        PUSH(call_with_tuple(callable, args, kwargs));
        break;
      }
      case Op::MAKE_FUNCTION: {
        SAVE();
        Value* fsp = sp;  // its address escapes; `sp` stays in a register
        Value fn = make_function(f, arg, fsp);
        sp = f->sp = fsp;
        PUSH(std::move(fn));
        break;
      }
      case Op::RETURN_VALUE: {
        Value result = POP();
        SAVE();
        budget -= pc;
        if (budget < 0) refuel();
        if (!f->init_self.is_null()) result = init_result(f, std::move(result));
        if (f == entry) {
          finish_frame(f);
          last_yielded = false;
          return result;
        }
        Generator* gen = f->gen;
        ResumeKind how = f->resumed_by;
        finish_frame(f);
        LOAD();
        if (gen) {
          deliver_return(f, how, std::move(result));
          sp = f->sp;
          pc = f->pc;
        } else {
          PUSH(std::move(result));
        }
        break;
      }
      case Op::YIELD_VALUE: {
        Value v = POP();
        SAVE();
        suspend_frame(f);
        if (f == entry) {
          last_yielded = true;
          return v;
        }
        LOAD();
        PUSH(std::move(v));  // FOR_ITER and SEND both take the value on top
        break;
      }
      case Op::GET_YIELD_FROM_ITER: {
        SAVE();
        if (!TOP().if_type<Generator>(t.generator)) {
          Value it = get_iter(TOP());
          TOP() = std::move(it);
        }
        break;
      }
      case Op::GET_AWAITABLE: {
        SAVE();
        Value it = get_awaitable(TOP());
        TOP() = std::move(it);
        break;
      }
      case Op::BEFORE_ASYNC_WITH: {
        SAVE();
        Value aw = before_async_with(sp[-1]);
        PUSH(std::move(aw));
        break;
      }
      case Op::SETUP_ASYNC_WITH:
        push_block(f, BlockKind::Try, arg, static_cast<uint32_t>(sp - f->stack_base()) - 1);
        break;
      case Op::GET_AITER: {
        SAVE();
        Value it = get_aiter(TOP());
        TOP() = std::move(it);
        break;
      }
      case Op::GET_ANEXT: {
        SAVE();
        Value aw = get_anext(TOP());
        PUSH(std::move(aw));
        break;
      }
      case Op::ASYNC_GEN_WRAP: {
        SAVE();
        Value w = async_gen_wrap(std::move(TOP()));
        TOP() = std::move(w);
        break;
      }
      case Op::SEND: {
        Value sent = POP();
        SAVE();
        Generator* g = TOP().if_type<Generator>(t.generator);
        if (!g) g = TOP().if_type<Generator>(t.coroutine);
        if (g) {
          if (resume_inline(g, std::move(sent), ResumeKind::Send)) {
            LOAD();
            break;
          }
          TOP() = Value::none();  // an exhausted generator returns None
          pc = arg;
          break;
        }
        Value r;
        bool returned = false;
        if (!send_to_awaitable(TOP(), sent, r, returned)) {
          r = send_to_iterator(TOP(), std::move(sent), returned);
        }
        if (returned) {
          TOP() = std::move(r);
          pc = arg;
        } else {
          PUSH(std::move(r));
        }
        break;
      }
      case Op::SETUP_FINALLY:
        push_block(f, BlockKind::Try, arg, static_cast<uint32_t>(sp - f->stack_base()));
        break;
      case Op::SETUP_WITH: {
        SAVE();
        setup_with(f, arg);
        sp = f->sp;
        break;
      }
      case Op::POP_BLOCK: --f->nblocks; break;
      case Op::POP_EXCEPT: {
        Block& b = f->blocks[--f->nblocks];
        f->handled = std::move(b.saved);
        break;
      }
      case Op::CHECK_EXC_MATCH: {
        SAVE();
        bool m = exception_matches(SECOND(), TOP());
        TOP() = Value::boolean(m);
        break;
      }
      case Op::CHECK_EG_MATCH: {
        SAVE();
        check_eg_match(sp);
        break;
      }
      case Op::PREP_RERAISE_STAR: {
        SAVE();
        Value rest = POP();
        Value r = prep_reraise_star(SECOND(), TOP(), rest);
        TOP() = std::move(r);
        break;
      }
      case Op::RERAISE: {
        raised = POP();
        SAVE();
        raised_again = true;
        goto raise_inline;
      }
      case Op::RAISE_VARARGS: {
        SAVE();
        Value cause = arg == 2 ? POP() : Value();
        Value e = arg >= 1 ? POP() : Value();
        raised = prepare_raise(std::move(e), std::move(cause), arg == 2, raised_again);
        goto raise_inline;
      }
      case Op::WITH_EXCEPT_START: {
        SAVE();
        Value r = with_exit_on_error(sp[-2], sp[-1]);
        PUSH(std::move(r));
        break;
      }
      case Op::LOAD_ASSERTION_ERROR: PUSH(Value(exc_type("AssertionError"))); break;
      case Op::IMPORT_NAME: SAVE(); PUSH(import_module(NAME(arg)->s)); break;
      case Op::IMPORT_FROM: {
        SAVE();
        Value v = import_from(TOP(), NAME(arg));
        PUSH(std::move(v));
        break;
      }
      case Op::IMPORT_STAR: {
        SAVE();
        Value m = POP();
        import_star(f, m);
        break;
      }
      case Op::LOAD_BUILD_CLASS: PUSH(build_class_fn); break;
    }
    continue;
  // A raise in Python code unwinds here without a C++ throw (the common, fast case).
  raise_inline:
    if (!raised_again) set_context(raised);
    {
      Frame* uf = f;
      Value exc = std::move(raised);
      bool add_tb = !raised_again;
      raised_again = false;
      if (!unwind(uf, entry, exc, add_tb)) {
        passing_through = true;
        throw PyException{exc};
      }
    }
    LOAD();
  }
#undef SAVE
#undef LOAD
}

}  // namespace looplab::lang
