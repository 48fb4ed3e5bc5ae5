// The simulated web (issue 4): `requests.get(url)` blocks the calling thread for the
// URL's latency (httpbin's /delay/N, else 0.1 s) and answers 200 with
// json.dumps({"url": url}). Written in Python, the same text as the reference runner's
// modules, and compiled into the program's VM on import.
#include "engine/lang/code.hpp"
#include "engine/lang/compiler.hpp"
#include "engine/lang/modules.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/parser.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {

// urlsplit(url).path ends in /delay/N (N as httpbin's regex \d+(\.\d*)?|\.\d+).
constexpr const char* kWebCommon = R"PY(
def _latency(url):
    rest = str(url).split("#", 1)[0].split("?", 1)[0]
    if "://" in rest:
        rest = rest.split("://", 1)[1]
        rest = rest[rest.index("/"):] if "/" in rest else ""
    parts = rest.rsplit("/", 2)
    if len(parts) < 3 or parts[1] != "delay":
        return 0.1
    text = parts[2]
    whole, dot, frac = text.partition(".")
    if not (whole.isdigit() or (whole == "" and dot and frac.isdigit())) or (frac and not frac.isdigit()):
        return 0.1
    return float(text) if dot else int(text)


def _body(url):
    text = str(url).replace("\\", "\\\\").replace('"', '\\"')
    return '{"url": "' + text + '"}'
)PY";

constexpr const char* kRequests = R"PY(
import time as _time


class Response:
    def __init__(self, url):
        self.url = url
        self.status_code = 200
        self.text = _body(url)

    def json(self):
        return {"url": self.url}


def get(url, *args, **kwargs):
    _time.sleep(_latency(url))
    return Response(url)
)PY";

}  // namespace

Value module_from_source(const char* name, const std::string& source) {
  std::string filename = std::string("<looplab ") + name + ">";
  ParseResult parsed = parse_module(source, filename);
  if (!parsed.ok()) raise("ImportError", std::string("cannot load ") + name);
  CompileResult compiled = compile_module(*parsed.module, source);
  if (compiled.error) raise("ImportError", std::string("cannot load ") + name);
  VM& v = vm();
  Value m(new Module(name));
  module_set(m, "__name__", make_str(name));
  Frame* f = Frame::create(compiled.code.as<Code>(), Value(), m.as<Module>()->d());
  f->locals = m.as<Module>()->dict;
  f->entry = true;
  v.push_frame(f);
  v.execute(f);
  return m;
}

Value make_requests_module() { return module_from_source("requests", std::string(kWebCommon) + kRequests); }

std::string web_common_source() { return kWebCommon; }

}  // namespace looplab::lang
