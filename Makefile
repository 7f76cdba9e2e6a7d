# dyad build: libdyad.a from src/<stage>/*.c, the CLI from cli/*.c, tests, fuzzers.
# `make` builds build/dyad; `make SAN=1` builds into build-san with ASan+UBSan;
# `make check` runs the test suite; `make fuzz` builds the libFuzzer harnesses.
# BUILD=dir puts the objects elsewhere (parallel builds must not share a directory).

PKGS    := libxml-2.0 zlib libzstd libutf8proc libcjson sqlite3
CC      ?= cc
OPT     ?= -O3 -fno-plt
CFLAGS  += -std=c11 -D_GNU_SOURCE -g $(OPT) -Wall -Wextra -Wshadow -Wno-unused-parameter \
           -Iinclude -Isrc/core $(shell pkg-config --cflags $(PKGS))
LDLIBS  += $(shell pkg-config --libs $(PKGS)) -lpthread -lm
# WERROR=1 (CI sets it) makes every warning an error: a shadowed local compiles, but wrongly
CFLAGS  += $(if $(WERROR),-Werror)

ifeq ($(SAN),1)
BUILD   ?= build-san
CFLAGS  += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
           -DDYAD_ARENA_MALLOC
LDFLAGS += -fsanitize=address,undefined
else
BUILD   ?= build
endif

LIB_SRC  := $(sort $(wildcard src/*/*.c))
CLI_SRC  := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(wildcard tests/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)

all: $(BUILD)/dyad $(BUILD)/test-runner

$(BUILD)/libdyad.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The test runner may use internal headers: it unit-tests the stages.
$(BUILD)/test-runner: $(TEST_SRC:%.c=$(BUILD)/%.o) $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: %.c include/dyad.h $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

check: all
	tests/run.sh $(BUILD)

# libFuzzer harnesses: fuzz/<name>.c -> build-fuzz/fuzz-<name>
FUZZ_SRC := $(sort $(wildcard fuzz/*.c))
FUZZ_CFLAGS := -std=c11 -D_GNU_SOURCE -g -O1 -Iinclude -Isrc/core -DDYAD_ARENA_MALLOC -fno-sanitize-recover=all \
               -fsanitize=fuzzer,address,undefined $(shell pkg-config --cflags $(PKGS))
fuzz: $(FUZZ_SRC:fuzz/%.c=build-fuzz/fuzz-%)

build-fuzz/fuzz-%: fuzz/%.c $(LIB_SRC) include/dyad.h $(wildcard fuzz/*.h)
	@mkdir -p build-fuzz
	clang $(FUZZ_CFLAGS) -o $@ $< $(LIB_SRC) $(LDLIBS)

# the store's writer lives in the CLI: its harness takes those files too
STORE_SRC := $(filter-out cli/main.c,$(wildcard cli/store*.c))
build-fuzz/fuzz-store_put: fuzz/store_put.c $(LIB_SRC) $(STORE_SRC) cli/store.h include/dyad.h
	@mkdir -p build-fuzz
	clang $(FUZZ_CFLAGS) -Icli -o $@ $< $(STORE_SRC) $(LIB_SRC) $(LDLIBS)

clean:
	rm -rf build build-san build-fuzz

.PHONY: all check fuzz clean
