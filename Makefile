# Taama: build, run, test, benchmark and install.
#
#   make            build build/taama and build/taama-report
#   make run        install missing Debian packages, build, start the kiosk in a window
#   make check      install missing Debian packages, build, run every test
#                   (fuzz corpora replayed, snapshots and text goldens compared)
#   make asan       make check under ASan+UBSan (build-asan/)
#   make clang      make check built with clang (build-clang/)
#   make fuzz       every libFuzzer target FUZZ_SECONDS (60) each (tests/fuzz/)
#   make soak       seeded random touches, SOAK_SECONDS (3600): RSS slope, ASan
#   make snapshots-update  rewrite reference PNGs and text goldens (then look)
#   make bench      measure against the bare SDL2+SDL2_ttf floor (BENCHMARKS.md)
#   make tsan       the threaded code under ThreadSanitizer (build-tsan/)
#   make install    PREFIX=/usr/local DESTDIR= (staged installs work)
#   make deb        Debian packages taama and taama-report in build/deb/
#                   (DEB_HOST_ARCH=arm64 cross-builds them for a Raspberry Pi)
#   make check-arm64  cross-build for arm64, run the SDL-free unit tests
#                   under qemu-user
#   make pot        regenerate locales/taama.pot from the UI and the content
#   make update-po  msgmerge the PO files with the templates, drafts marked fuzzy
#   DRAFTS=0        build only reviewed translations (drafts fall back to English)
#
# The pure core (everything under app/ except app/render/ and the two
# mains) links without SDL; taama-report links only the core.

PREFIX     ?= /usr/local
DESTDIR    ?=
BINDIR     ?= $(PREFIX)/bin
SHAREDIR   ?= $(PREFIX)/share
MANDIR     ?= $(SHAREDIR)/man
DOCDIR     ?= $(SHAREDIR)/doc/taama
# systemd and udev read /usr/lib and /lib, not /usr/local/lib: the Debian
# package passes its own (debian/rules)
SYSTEMDUNITDIR ?= $(PREFIX)/lib/systemd/system
UDEVRULESDIR   ?= $(PREFIX)/lib/udev/rules.d
SYSUSERSDIR    ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR    ?= $(PREFIX)/lib/tmpfiles.d
# DEPS=0: do not install Debian packages (package builds use Build-Depends)
DEPS       ?= 1
PKG_CONFIG ?= pkg-config
CC         ?= cc
B          ?= build
WERROR     ?= 0
SANITIZE   ?=

CORE_PKGS = sqlite3 libsodium yaml-0.1 json-c fribidi libqrencode
UI_PKGS   = sdl2 SDL2_ttf SDL2_image libsystemd

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wformat=2 -Wvla -Wno-unused-parameter
ifeq ($(WERROR),1)
WARN += -Werror
endif
OPT ?= -O2 -g
ifneq ($(SANITIZE),)
OPT = -O1 -g -fno-omit-frame-pointer -fsanitize=$(SANITIZE) -fno-sanitize-recover=all
LDSAN = -fsanitize=$(SANITIZE)
endif

PKGCFLAGS  = $(shell $(PKG_CONFIG) --cflags $(CORE_PKGS) 2>/dev/null)
UICFLAGS   = $(shell $(PKG_CONFIG) --cflags $(UI_PKGS) 2>/dev/null) -DTAAMA_HAVE_SYSTEMD
CORE_LIBS  = $(shell $(PKG_CONFIG) --libs $(CORE_PKGS) 2>/dev/null) -lcsv -lpthread -lm
UI_LIBS    = $(shell $(PKG_CONFIG) --libs $(UI_PKGS) 2>/dev/null)

ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(OPT) -MMD -MP \
             -Iapp -I$(B)/gen $(PKGCFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(LDSAN) $(LDFLAGS)

CORE_SRC   = $(filter-out app/main.c app/report/report_main.c, \
               $(wildcard app/*.c app/*/*.c)) 
CORE_SRC  := $(filter-out app/render/%, $(CORE_SRC))
RENDER_SRC = $(wildcard app/render/*.c)
CORE_OBJ   = $(CORE_SRC:%.c=$(B)/%.o)
RENDER_OBJ = $(RENDER_SRC:%.c=$(B)/%.o)

UNIT_SRC   = $(wildcard tests/unit/test_*.c)
RTEST_SRC  = $(wildcard tests/render/test_*.c)
SUPPORT_SRC = $(wildcard tests/support/*.c)
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
RTEST_BIN  = $(RTEST_SRC:tests/render/%.c=$(B)/tests/%)
TOOL_SRC   = $(wildcard tests/tools/*.c)
TOOL_BIN   = $(TOOL_SRC:tests/tools/%.c=$(B)/tests/%)
SUPPORT_OBJ = $(SUPPORT_SRC:%.c=$(B)/%.o)
FUZZ_SRC   = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES = $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
FUZZ_REPLAY = $(FUZZ_NAMES:%=$(B)/tests/test_fuzz_%)
BENCH_SRC  = $(wildcard bench/bench_*.c)
BENCH_BIN  = $(BENCH_SRC:bench/%.c=$(B)/bench/%)

# Draft translations are marked fuzzy in the PO files (tools/po-drafts.sh).
# DRAFTS=1 (default) compiles them in, so a visitor reads the draft in their
# language rather than English; DRAFTS=0 builds only what native speakers
# reviewed, every other string falling back to English (docs/translations.md).
DRAFTS ?= 1
ifeq ($(DRAFTS),1)
MSGFMT_FUZZY = --use-fuzzy
endif
PO    = $(wildcard locales/*/LC_MESSAGES/taama.po)
MO    = $(PO:locales/%/LC_MESSAGES/taama.po=$(B)/locale/%/LC_MESSAGES/taama.mo)
# taama-report's own catalogue (gettext domain "taama-report")
RPO   = $(wildcard locales/*/LC_MESSAGES/taama-report.po)
RMO   = $(RPO:locales/%/LC_MESSAGES/taama-report.po=$(B)/locale/%/LC_MESSAGES/taama-report.mo)

.PHONY: all deps deps-test run check test bench install uninstall pot update-po clean asan clang fuzz fuzz-build \
        soak tsan snapshots-update narration deb check-arm64
.DEFAULT_GOAL := all
.SECONDARY: $(SUPPORT_OBJ)

all: $(B)/taama $(B)/taama-report $(MO) $(RMO) narration

# Demo narration spoken by espeak-ng from the compiled translations
# (incremental; skipped with a message where espeak-ng or a voice is missing).
narration: $(B)/taama $(MO)
	@sh tools/make-narration.sh $(B)

# Install missing Debian packages first: the build list for the programs,
# and the test list only for tests and benchmarks, so a kiosk built with
# `make` or `make run` never gets test tools.
$(B)/.deps: tools/debian-packages.txt tools/deps.sh
	@mkdir -p $(B)
	@if [ "$(DEPS)" = 1 ]; then sh tools/deps.sh tools/debian-packages.txt; fi
	@touch $@
$(B)/.deps-test: tools/debian-packages-test.txt tools/deps.sh | $(B)/.deps
	@if [ "$(DEPS)" = 1 ]; then sh tools/deps.sh tools/debian-packages-test.txt; fi
	@touch $@
deps: $(B)/.deps
# the test list too (clang and its sanitizer runtimes are there: make clang
# and make fuzz install it before the first clang compile)
deps-test: $(B)/.deps-test

$(B)/%.o: %.c | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# The build date is the clock's floor (app/clock/clock.h): reproducible
# builds (Debian) set SOURCE_DATE_EPOCH; otherwise a floor in the source.
ifneq ($(SOURCE_DATE_EPOCH),)
$(B)/app/clock/clock.o: ALL_CFLAGS += -DTAAMA_BUILD_EPOCH=$(SOURCE_DATE_EPOCH)
endif

$(B)/app/render/%.o: app/render/%.c | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(UICFLAGS) -c $< -o $@

$(B)/app/main.o: app/main.c | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(UICFLAGS) -c $< -o $@

# The version number lives in VERSION only; version.c includes this header.
$(B)/gen/taama_version.h: VERSION
	@mkdir -p $(dir $@)
	@printf '#define TAAMA_VERSION "%s"\n' "$$(tr -d ' \n' < VERSION)" > $@
$(B)/app/core/version.o: $(B)/gen/taama_version.h

# Every message of the catalogue template as a C table, for i18n_preload().
$(B)/gen/i18n_msgids.c: locales/taama.pot tools/gen-msgids.sh | $(B)/.deps
	@mkdir -p $(dir $@)
	sh tools/gen-msgids.sh locales/taama.pot $@
$(B)/gen/i18n_msgids.o: $(B)/gen/i18n_msgids.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/libtaama-core.a: $(CORE_OBJ) $(B)/gen/i18n_msgids.o
	@rm -f $@
	ar rcs $@ $^

$(B)/taama: $(B)/app/main.o $(RENDER_OBJ) $(B)/libtaama-core.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(UI_LIBS) $(CORE_LIBS)

$(B)/taama-report: $(B)/app/report/report_main.o $(B)/libtaama-core.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.c %.o %.a,$^) $(CORE_LIBS)

# Unit tests: core only, no SDL. Render tests: core + renderer.
$(B)/tests/%: tests/unit/%.c $(SUPPORT_OBJ) $(B)/libtaama-core.a | $(B)/.deps-test
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests -Itests/support $(ALL_LDFLAGS) -o $@ $(filter %.c %.o %.a,$^) $(CORE_LIBS) -lcmocka

$(B)/tests/%: tests/render/%.c $(SUPPORT_OBJ) $(RENDER_OBJ) $(B)/libtaama-core.a | $(B)/.deps-test
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(UICFLAGS) -Itests -Itests/support $(ALL_LDFLAGS) -o $@ $(filter %.c %.o %.a,$^) $(UI_LIBS) $(CORE_LIBS) -lcmocka

$(B)/tests/%: tests/tools/%.c $(B)/libtaama-core.a | $(B)/.deps-test
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests -Itests/support $(ALL_LDFLAGS) -o $@ $(filter %.c %.o %.a,$^) $(CORE_LIBS)

# Fuzz targets (tests/fuzz/fuzz_NAME.c), replayed over their corpus in
# make check by the standalone driver tests/fuzz/replay.c (no libFuzzer).
$(B)/tests/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(B)/libtaama-core.a | $(B)/.deps-test
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests -D_XOPEN_SOURCE=700 -DFUZZ_TARGET='"$*"' $(ALL_LDFLAGS) -o $@ $(filter %.c %.a,$^) $(CORE_LIBS) -lcmocka

# The same targets under libFuzzer (make fuzz: clang only).
$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(B)/libtaama-core.a | $(B)/.deps-test
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests -D_XOPEN_SOURCE=700 -fsanitize=fuzzer $(ALL_LDFLAGS) -o $@ $(filter %.c %.a,$^) $(CORE_LIBS)

$(B)/tests/support/%.o: tests/support/%.c | $(B)/.deps-test
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(UICFLAGS) -Itests -Itests/support -c $< -o $@

# Benchmarks: bench/bench_*.c link core + renderer + SDL (bench_floor.c is
# the bare SDL2+SDL2_ttf floor and uses nothing of ours).
$(B)/bench/bench_floor: bench/bench_floor.c | $(B)/.deps-test
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(UICFLAGS) $(ALL_LDFLAGS) -o $@ $< $(UI_LIBS)

$(B)/bench/%: bench/%.c $(RENDER_OBJ) $(B)/libtaama-core.a | $(B)/.deps-test
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(UICFLAGS) $(ALL_LDFLAGS) -o $@ $(filter %.c %.o %.a,$^) $(UI_LIBS) $(CORE_LIBS)

$(B)/locale/%/LC_MESSAGES/taama.mo: locales/%/LC_MESSAGES/taama.po | $(B)/.deps
	@mkdir -p $(dir $@)
	msgfmt --check $(MSGFMT_FUZZY) -o $@ $<

$(B)/locale/%/LC_MESSAGES/taama-report.mo: locales/%/LC_MESSAGES/taama-report.po | $(B)/.deps
	@mkdir -p $(dir $@)
	msgfmt --check $(MSGFMT_FUZZY) -o $@ $<

# A demo kiosk keeps its state in build/demo-data, with the demo admin PIN
# 2580 set so a newcomer sees the attract screen, not "Set the admin PIN".
DEMO_DATA = $(B)/demo-data
run: all
	@test -f $(DEMO_DATA)/admin/pin.json || { mkdir -p $(DEMO_DATA) && \
	  printf '2580\n' | ./$(B)/taama admin set-pin --pin-stdin --data $(DEMO_DATA) >/dev/null && \
	  echo "taama: demo data in $(DEMO_DATA), admin PIN 2580"; }
	./$(B)/taama --windowed 1280x800 --data $(DEMO_DATA)

check: all $(B)/.deps-test $(UNIT_BIN) $(RTEST_BIN) $(TOOL_BIN) $(FUZZ_REPLAY)
	@for po in $(PO); do msgfmt --check -o /dev/null $$po || exit 1; done
	@B=$(B) sh tests/run.sh

asan:
	$(MAKE) B=build-asan SANITIZE=address,undefined check

# The whole check built with clang (CI runs it beside gcc).
clang: deps-test
	$(MAKE) B=build-clang CC=clang check

# make fuzz: every target in tests/fuzz/ under libFuzzer with ASan and
# UBSan, FUZZ_SECONDS each (default 60), starting from its corpus. New
# inputs go to build-fuzz/corpus/NAME (the seed corpus is not touched);
# a crash leaves its reproducer in build-fuzz/ and fails: copy it into
# tests/fuzz/corpus/NAME/ once the bug is fixed, so make check replays it.
FUZZ_SECONDS ?= 60
FUZZ_B = build-fuzz
fuzz: deps-test
	$(MAKE) B=$(FUZZ_B) CC=clang SANITIZE=address,undefined \
	  CFLAGS="$(CFLAGS) -fsanitize=fuzzer-no-link" fuzz-build
	@set -e; for t in $(FUZZ_NAMES); do \
	  mkdir -p $(FUZZ_B)/corpus/$$t; echo "fuzz $$t: $(FUZZ_SECONDS) s"; \
	  ./$(FUZZ_B)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=25 -rss_limit_mb=2560 \
	    -max_len=65536 -print_final_stats=1 -artifact_prefix=$(FUZZ_B)/$$t- \
	    $(FUZZ_B)/corpus/$$t tests/fuzz/corpus/$$t > $(FUZZ_B)/$$t.log 2>&1 || \
	    { tail -n 60 $(FUZZ_B)/$$t.log; exit 1; }; \
	  tail -n 12 $(FUZZ_B)/$$t.log; \
	done
fuzz-build: $(FUZZ_NAMES:%=$(B)/fuzz/fuzz_%)

# make soak: seeded random touches for SOAK_SECONDS (default 3600) into two
# kiosks side by side, the normal build (its RSS must level off in the
# second half) and the ASan+UBSan build (no report, no leak at exit; its
# RSS is printed, not judged: ASan keeps freed memory). tests/soak/soak.sh.
soak: all
	$(MAKE) B=build-asan SANITIZE=address,undefined all
	B=$(B) ASAN_B=build-asan sh tests/soak/soak.sh

# ThreadSanitizer: the threaded code (the statistics writer and its
# readers, the log, export from a worker, the kiosk's worker jobs while the
# UI thread polls the mount table, the SIGTERM watcher) built with
# -fsanitize=thread into build-tsan; any race report fails the run
# (halt_on_error).
TSAN_B     = build-tsan
TSAN_TESTS = test_stats test_stats_kill test_stats_wal_cut test_log test_export test_export_hostile
tsan:
	$(MAKE) B=$(TSAN_B) SANITIZE=thread $(TSAN_B)/taama $(TSAN_TESTS:%=$(TSAN_B)/tests/%) \
	  $(TOOL_BIN:$(B)/%=$(TSAN_B)/%)
	@export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" SDL_VIDEODRIVER=dummy \
	  SDL_AUDIODRIVER=dummy TAAMA_ROOT="$$(pwd)" TAAMA_BUILD="$$(pwd)/$(TSAN_B)"; \
	  for t in $(TSAN_TESTS); do ./$(TSAN_B)/tests/$$t > $(TSAN_B)/$$t.log 2>&1 || \
	    { cat $(TSAN_B)/$$t.log; echo "tsan: $$t FAILED"; exit 1; }; echo "tsan: $$t clean"; done; \
	  for s in e2e_worker kiosk_sigterm; do sh tests/sh/$$s.sh > $(TSAN_B)/$$s.log 2>&1 || \
	    { cat $(TSAN_B)/$$s.log; echo "tsan: $$s FAILED"; exit 1; }; echo "tsan: $$s clean"; done; \
	  echo "tsan: no data race found"

bench: all $(BENCH_BIN)
	@B=$(B) sh bench/run.sh

# Rewrites the reference PNGs and the text goldens (tests/snapshots/*.txt).
snapshots-update: all $(RTEST_BIN)
	SDL_VIDEODRIVER=dummy TAAMA_ROOT=$(CURDIR) TAAMA_SNAPSHOT_UPDATE=1 ./$(B)/tests/test_snapshots

pot:
	@sh tools/make-pot.sh
	@sh tools/make-report-pot.sh

# Bring every PO file up to the templates (msgmerge: changed strings become
# fuzzy, i.e. drafts again), then turn any "# DRAFT" comment into the fuzzy
# flag. Run after `git merge` when PO files conflict or new strings came in.
update-po: pot
	@for po in $(PO); do msgmerge --quiet --update --backup=none $$po locales/taama.pot || exit 1; done
	@sh tools/po-drafts.sh
	@for po in $(PO) $(RPO); do printf '%s: ' $$po; msgfmt --check --statistics -o /dev/null $$po; done

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR)/taama $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(B)/taama $(B)/taama-report $(DESTDIR)$(BINDIR)/
	cp -R assets content $(DESTDIR)$(SHAREDIR)/taama/
	if [ -d $(B)/narration ]; then cp -R $(B)/narration $(DESTDIR)$(SHAREDIR)/taama/; \
	  find $(DESTDIR)$(SHAREDIR)/taama/narration -name '*.txt' -delete; fi
	for mo in $(MO) $(RMO); do d=$(DESTDIR)$(SHAREDIR)/locale/$$(echo $$mo | cut -d/ -f3)/LC_MESSAGES; \
	  install -d $$d; install -m 644 $$mo $$d/$$(basename $$mo); done
	install -m 644 docs/man/taama.1 docs/man/taama-report.1 $(DESTDIR)$(MANDIR)/man1/
	install -d $(DESTDIR)$(SYSTEMDUNITDIR) $(DESTDIR)$(UDEVRULESDIR) $(DESTDIR)$(SYSUSERSDIR) \
	  $(DESTDIR)$(TMPFILESDIR)
	sed 's|@BINDIR@|$(BINDIR)|g' deploy/taama.service > $(DESTDIR)$(SYSTEMDUNITDIR)/taama.service
	install -m 644 deploy/99-taama-usb.rules $(DESTDIR)$(UDEVRULESDIR)/
	install -m 644 deploy/taama.sysusers $(DESTDIR)$(SYSUSERSDIR)/taama.conf
	install -m 644 deploy/taama.tmpfiles $(DESTDIR)$(TMPFILESDIR)/taama.conf

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/taama $(DESTDIR)$(BINDIR)/taama-report
	rm -rf $(DESTDIR)$(SHAREDIR)/taama
	rm -f $(DESTDIR)$(SHAREDIR)/locale/*/LC_MESSAGES/taama.mo $(DESTDIR)$(SHAREDIR)/locale/*/LC_MESSAGES/taama-report.mo
	rm -f $(DESTDIR)$(MANDIR)/man1/taama.1 $(DESTDIR)$(MANDIR)/man1/taama-report.1
	rm -f $(DESTDIR)$(SYSTEMDUNITDIR)/taama.service $(DESTDIR)$(UDEVRULESDIR)/99-taama-usb.rules
	rm -f $(DESTDIR)$(SYSUSERSDIR)/taama.conf $(DESTDIR)$(TMPFILESDIR)/taama.conf

# Debian packages (debian/), built from a copy of the tracked files in
# $(B)/deb/src so dpkg-buildpackage writes the .debs into $(B)/deb/, not
# beside the repository. DEB_HOST_ARCH=arm64 cross-builds (the :arm64 -dev
# packages of the Build-Depends must be installed through multiarch).
DEB_HOST_ARCH ?= $(shell dpkg --print-architecture)
deb:
	rm -rf $(B)/deb && mkdir -p $(B)/deb/src
	git ls-files -z | xargs -0 tar -cf - | tar -xf - -C $(B)/deb/src
	# the inner build must not inherit this make's B or flags
	cd $(B)/deb/src && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u B \
	  dpkg-buildpackage -us -uc -b -a$(DEB_HOST_ARCH) -j2
	@ls -l $(B)/deb/*.deb
	@if command -v lintian >/dev/null; then lintian --fail-on error $(B)/deb/*_$(DEB_HOST_ARCH).changes; fi

# The pure core and its unit tests, cross-built for arm64 and run under
# qemu-user (the loader and libraries come from the :arm64 packages).
ARM64_B = build-arm64
ARM64_UNIT = $(filter-out $(ARM64_B)/tests/test_stats_kill,$(UNIT_SRC:tests/unit/%.c=$(ARM64_B)/tests/%))
check-arm64:
	@sh tools/deps.sh tools/debian-packages-arm64.txt
	$(MAKE) $(MO) $(RMO) # some tests read build/locale, others $$TAAMA_BUILD/locale: make both
	$(MAKE) B=$(ARM64_B) DEPS=0 CC=aarch64-linux-gnu-gcc PKG_CONFIG=aarch64-linux-gnu-pkg-config \
	  $(ARM64_B)/taama-report $(ARM64_UNIT) $(MO:$(B)/%=$(ARM64_B)/%) $(RMO:$(B)/%=$(ARM64_B)/%)
	@file $(ARM64_B)/taama-report | grep -q 'ARM aarch64' || { echo "check-arm64: not an arm64 binary"; exit 1; }
	@B=$(ARM64_B) TAAMA_RUNNER=qemu-aarch64 sh tests/run.sh $(ARM64_UNIT)

clean:
	rm -rf $(B) build-asan build-clang build-fuzz build-soak build-tsan $(ARM64_B)

-include $(shell find $(B) -path $(B)/deb -prune -o -name '*.d' -type f -print 2>/dev/null)
