# LoopLab — the two commands a new user runs are `make run` and `make test`.
#   make run    install what is missing, build, open the GUI on the restaurant scenario
#               (headless machine: run the scenario in the terminal instead)
#   make test   install what is missing, build (Release and ASan+UBSan), run every test
#   make build  Release build into build/ (build/looplab, build/looplab-cli)
#   make bench  build and run the benchmarks (tests/bench)

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_GEN  := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")

.PHONY: run test build asan bench deps clean

deps:
	@scripts/setup-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release

# -g1: line tables only. Sanitizer reports still name file and line, and the build (most of
# `make test`'s time) is a quarter faster than with full debug information.
$(ASAN_BUILD)/CMakeCache.txt:
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DLOOPLAB_SANITIZE=ON \
	  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1"

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The sanitizer build compiles what the test suite runs: every unit test (the GUI's view
# model included) and the CLI the conformance and scenario tests drive.
asan: deps $(ASAN_BUILD)/CMakeCache.txt
	cmake --build $(ASAN_BUILD) -j $(JOBS) --target looplab_tests looplab-cli

run: build
	@scripts/run-gui.sh $(BUILD)

# Both runs ask CPython (the reference runner) the same questions: the second one reads
# the answers the first one kept (tests/reference/looplab_ref.py, LOOPLAB_REF_CACHE).
REF_CACHE := $(abspath $(BUILD))/reference-cache

test: build asan
	cd $(BUILD) && LOOPLAB_REF_CACHE=$(REF_CACHE) ctest --output-on-failure -j $(JOBS)
	cd $(ASAN_BUILD) && LOOPLAB_REF_CACHE=$(REF_CACHE) ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS) -LE gui

bench: build
	cmake --build $(BUILD) --target looplab_benchmarks -j $(JOBS)
	@scripts/run-bench.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
