#pragma once
// The abstract syntax tree of LoopLab's Python subset.
//
// STABLE INTERFACE: the compiler is written against this header. Names, kinds and fields
// are only ever ADDED; nothing is renamed or removed. The shapes follow CPython's `ast`
// module (Python/Python.asdl) so that `python3 -c 'import ast; print(ast.dump(...))'`
// answers any question about what the parser produces.
//
// Ownership: every node lives in its Module's arena and is destroyed by it, flat (no
// recursive destructors, so a deep tree cannot overflow the stack on destruction).
// Children are plain non-owning pointers; a null pointer means "absent" (`else`-less
// `if` has an empty `orelse`, `return` without a value has `value == nullptr`).
//
// Positions: every node has line/col/end_line/end_col. Lines are 1-based; columns are
// 0-based UTF-8 byte offsets into the line, exactly CPython's `col_offset` and
// `end_col_offset`. Diagnostics convert to character columns themselves.
//
// Dispatch: `switch (e.kind)` then `e.as<ast::Call>()` (checked with assert).

#include <cassert>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace looplab::lang::ast {

struct Span {
  int line = 0;
  int col = 0;
  int end_line = 0;
  int end_col = 0;
};

// [SECTION] Operators --------------------------------------------------------------

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOpKind : uint8_t { And, Or };
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class BinOpKind : uint8_t {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// CPython's spelling of each operator ("+", "//", "not in", ...), for messages such as
// "unsupported operand type(s) for +:".
const char* op_symbol(BinOpKind op);
const char* op_symbol(UnaryOpKind op);
const char* op_symbol(CmpOpKind op);
const char* op_name(BinOpKind op);   // "Add", "FloorDiv", ... (as in ast.dump)
const char* op_name(UnaryOpKind op);
const char* op_name(CmpOpKind op);

// [SECTION] Node base ----------------------------------------------------------------

struct Node {
  Span span;
  Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
  virtual ~Node() = default;
};

enum class ExprKind : uint8_t {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
  Attribute, Subscript, Starred, Name, List, Tuple, Slice
};

struct Expr : Node {
  ExprKind kind;
  explicit Expr(ExprKind k) : kind(k) {}
  template <class T> T& as() { assert(kind == T::kKind); return static_cast<T&>(*this); }
  template <class T> const T& as() const {
    assert(kind == T::kKind);
    return static_cast<const T&>(*this);
  }
};

enum class StmtKind : uint8_t {
  FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If, With,
  Raise, Try, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue
};

struct Stmt : Node {
  StmtKind kind;
  explicit Stmt(StmtKind k) : kind(k) {}
  template <class T> T& as() { assert(kind == T::kKind); return static_cast<T&>(*this); }
  template <class T> const T& as() const {
    assert(kind == T::kKind);
    return static_cast<const T&>(*this);
  }
};

using ExprList = std::vector<Expr*>;
using StmtList = std::vector<Stmt*>;

template <ExprKind K>
struct ExprOf : Expr {
  static constexpr ExprKind kKind = K;
  ExprOf() : Expr(K) {}
};
template <StmtKind K>
struct StmtOf : Stmt {
  static constexpr StmtKind kKind = K;
  StmtOf() : Stmt(K) {}
};

// [SECTION] Helper records (not expressions or statements) ---------------------------

// One parameter. `annotation` is parsed and kept but LoopLab ignores it.
struct Arg : Node {
  std::string name;
  Expr* annotation = nullptr;
};

// A parameter list, CPython's `arguments`: `defaults` belong to the LAST entries of
// posonlyargs + args; `kw_defaults` is parallel to kwonlyargs (null = required).
struct Arguments {
  std::vector<Arg*> posonlyargs;
  std::vector<Arg*> args;
  Arg* vararg = nullptr;
  std::vector<Arg*> kwonlyargs;
  ExprList kw_defaults;
  Arg* kwarg = nullptr;
  ExprList defaults;
};

// `name=value` in a call or class header; `arg` empty means `**value`.
struct Keyword : Node {
  std::string arg;
  Expr* value = nullptr;
};

// `for target in iter if c1 if c2` inside a comprehension.
struct Comprehension : Node {
  Expr* target = nullptr;
  Expr* iter = nullptr;
  ExprList ifs;
  bool is_async = false;
};

struct Alias : Node {
  std::string name;    // dotted for `import a.b`
  std::string asname;  // empty when absent
};

struct WithItem {
  Expr* context_expr = nullptr;
  Expr* optional_vars = nullptr;  // the `as` target, or null
};

struct ExceptHandler : Node {
  Expr* type = nullptr;  // null for a bare `except:`
  std::string name;      // empty when there is no `as`
  StmtList body;
};

// [SECTION] Expressions ----------------------------------------------------------------

struct BoolOp : ExprOf<ExprKind::BoolOp> {
  BoolOpKind op = BoolOpKind::And;
  ExprList values;  // two or more
};

struct NamedExpr : ExprOf<ExprKind::NamedExpr> {
  Expr* target = nullptr;  // always a Name (Store)
  Expr* value = nullptr;
};

struct BinOp : ExprOf<ExprKind::BinOp> {
  Expr* left = nullptr;
  BinOpKind op = BinOpKind::Add;
  Expr* right = nullptr;
};

struct UnaryOp : ExprOf<ExprKind::UnaryOp> {
  UnaryOpKind op = UnaryOpKind::Not;
  Expr* operand = nullptr;
};

struct Lambda : ExprOf<ExprKind::Lambda> {
  Arguments args;
  Expr* body = nullptr;
};

struct IfExp : ExprOf<ExprKind::IfExp> {
  Expr* test = nullptr;
  Expr* body = nullptr;
  Expr* orelse = nullptr;
};

// `keys[i] == nullptr` means `**values[i]`.
struct Dict : ExprOf<ExprKind::Dict> {
  ExprList keys;
  ExprList values;
};

struct Set : ExprOf<ExprKind::Set> {
  ExprList elts;
};

struct ListComp : ExprOf<ExprKind::ListComp> {
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
};

struct SetComp : ExprOf<ExprKind::SetComp> {
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
};

struct DictComp : ExprOf<ExprKind::DictComp> {
  Expr* key = nullptr;
  Expr* value = nullptr;
  std::vector<Comprehension*> generators;
};

struct GeneratorExp : ExprOf<ExprKind::GeneratorExp> {
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
};

struct Await : ExprOf<ExprKind::Await> {
  Expr* value = nullptr;
};

struct Yield : ExprOf<ExprKind::Yield> {
  Expr* value = nullptr;  // null for a bare `yield`
};

struct YieldFrom : ExprOf<ExprKind::YieldFrom> {
  Expr* value = nullptr;
};

// `a < b < c`: left=a, ops=[Lt, Lt], comparators=[b, c].
struct Compare : ExprOf<ExprKind::Compare> {
  Expr* left = nullptr;
  std::vector<CmpOpKind> ops;
  ExprList comparators;
};

// Positional arguments may be Starred (`*xs`); keywords with an empty `arg` are `**kw`.
struct Call : ExprOf<ExprKind::Call> {
  Expr* func = nullptr;
  ExprList args;
  std::vector<Keyword*> keywords;
};

// One `{value!conversion:format_spec}` inside an f-string. conversion is -1 (none), 's',
// 'r' or 'a'; format_spec is a JoinedStr or null. `{x=}` becomes Constant("x=") followed
// by a FormattedValue with conversion 'r' (when neither conversion nor spec is given),
// as CPython does.
struct FormattedValue : ExprOf<ExprKind::FormattedValue> {
  Expr* value = nullptr;
  int conversion = -1;
  Expr* format_spec = nullptr;
};

// An f-string (possibly concatenated with plain strings): Constant(Str) and
// FormattedValue parts, adjacent literal parts merged.
struct JoinedStr : ExprOf<ExprKind::JoinedStr> {
  ExprList values;
};

enum class ConstantKind : uint8_t { None, True, False, Ellipsis, Int, Float, Str };

// Literals. For Int: `int_value` holds the value when it fits in int64 (`int_overflow`
// false); the digits (underscores removed, base prefix kept, e.g. "0x1f") are always in
// `text` so a big-int implementation can re-read them. For Str: `text` is the decoded
// value in UTF-8 (lone surrogates from \ud800-style escapes are encoded as 3-byte
// sequences). For Float: `float_value` (correctly rounded strtod) and the literal in `text`.
struct Constant : ExprOf<ExprKind::Constant> {
  ConstantKind value_kind = ConstantKind::None;
  int64_t int_value = 0;
  bool int_overflow = false;
  double float_value = 0.0;
  std::string text;
};

struct Attribute : ExprOf<ExprKind::Attribute> {
  Expr* value = nullptr;
  std::string attr;
  ExprContext ctx = ExprContext::Load;
};

// `a[i]`, `a[i:j]` (slice is a Slice), `a[i, j:k]` (slice is a Tuple).
struct Subscript : ExprOf<ExprKind::Subscript> {
  Expr* value = nullptr;
  Expr* slice = nullptr;
  ExprContext ctx = ExprContext::Load;
};

struct Starred : ExprOf<ExprKind::Starred> {
  Expr* value = nullptr;
  ExprContext ctx = ExprContext::Load;
};

struct Name : ExprOf<ExprKind::Name> {
  std::string id;
  ExprContext ctx = ExprContext::Load;
};

struct List : ExprOf<ExprKind::List> {
  ExprList elts;
  ExprContext ctx = ExprContext::Load;
};

struct Tuple : ExprOf<ExprKind::Tuple> {
  ExprList elts;
  ExprContext ctx = ExprContext::Load;
};

struct Slice : ExprOf<ExprKind::Slice> {
  Expr* lower = nullptr;
  Expr* upper = nullptr;
  Expr* step = nullptr;
};

// [SECTION] Statements -------------------------------------------------------------------

// `def` and `async def`. `returns` (the -> annotation) is kept but ignored.
struct FunctionDef : StmtOf<StmtKind::FunctionDef> {
  std::string name;
  Arguments args;
  StmtList body;
  ExprList decorator_list;
  Expr* returns = nullptr;
  bool is_async = false;
};

struct ClassDef : StmtOf<StmtKind::ClassDef> {
  std::string name;
  ExprList bases;
  std::vector<Keyword*> keywords;
  StmtList body;
  ExprList decorator_list;
};

struct Return : StmtOf<StmtKind::Return> {
  Expr* value = nullptr;
};

struct Delete : StmtOf<StmtKind::Delete> {
  ExprList targets;
};

// `a = b = value`: targets=[a, b]; targets have ctx Store.
struct Assign : StmtOf<StmtKind::Assign> {
  ExprList targets;
  Expr* value = nullptr;
};

struct AugAssign : StmtOf<StmtKind::AugAssign> {
  Expr* target = nullptr;
  BinOpKind op = BinOpKind::Add;
  Expr* value = nullptr;
};

// `x: int = 1`. LoopLab evaluates `value` (if any) into `target` and ignores the
// annotation. `simple` is true for a bare, unparenthesized Name target.
struct AnnAssign : StmtOf<StmtKind::AnnAssign> {
  Expr* target = nullptr;
  Expr* annotation = nullptr;
  Expr* value = nullptr;
  bool simple = false;
};

struct For : StmtOf<StmtKind::For> {
  Expr* target = nullptr;
  Expr* iter = nullptr;
  StmtList body;
  StmtList orelse;
  bool is_async = false;
};

struct While : StmtOf<StmtKind::While> {
  Expr* test = nullptr;
  StmtList body;
  StmtList orelse;
};

// `elif` is an If nested alone in `orelse`, as in CPython.
struct If : StmtOf<StmtKind::If> {
  Expr* test = nullptr;
  StmtList body;
  StmtList orelse;
};

struct With : StmtOf<StmtKind::With> {
  std::vector<WithItem> items;
  StmtList body;
  bool is_async = false;
};

struct Raise : StmtOf<StmtKind::Raise> {
  Expr* exc = nullptr;
  Expr* cause = nullptr;
};

// `try` and `try`/`except*` (is_star).
struct Try : StmtOf<StmtKind::Try> {
  StmtList body;
  std::vector<ExceptHandler*> handlers;
  StmtList orelse;
  StmtList finalbody;
  bool is_star = false;
};

struct Assert : StmtOf<StmtKind::Assert> {
  Expr* test = nullptr;
  Expr* msg = nullptr;
};

struct Import : StmtOf<StmtKind::Import> {
  std::vector<Alias*> names;
};

// Relative imports are rejected by the parser, so `level` is always 0 today.
struct ImportFrom : StmtOf<StmtKind::ImportFrom> {
  std::string module;
  std::vector<Alias*> names;  // a single Alias named "*" for `from m import *`
  int level = 0;
};

struct Global : StmtOf<StmtKind::Global> {
  std::vector<std::string> names;
};

struct Nonlocal : StmtOf<StmtKind::Nonlocal> {
  std::vector<std::string> names;
};

struct ExprStmt : StmtOf<StmtKind::Expr> {
  Expr* value = nullptr;
};

struct Pass : StmtOf<StmtKind::Pass> {};
struct Break : StmtOf<StmtKind::Break> {};
struct Continue : StmtOf<StmtKind::Continue> {};

// [SECTION] Module and arena ---------------------------------------------------------------

// Owns every node of one parsed file.
class Arena {
 public:
  template <class T>
  T* make(const Span& span) {
    auto node = std::make_unique<T>();
    node->span = span;
    T* raw = node.get();
    nodes_.push_back(std::move(node));
    return raw;
  }
  size_t size() const { return nodes_.size(); }

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

struct Module {
  std::string filename;
  StmtList body;
  Arena arena;
};

// One-line rendering, character for character what CPython 3.11's `ast.dump(tree)`
// prints (positions omitted), so tests can compare against CPython itself.
std::string dump(const Expr& e);
std::string dump(const Stmt& s);
std::string dump(const Module& m);

}  // namespace looplab::lang::ast
