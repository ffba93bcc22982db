# The two commands a newcomer needs: `swift test` (or `make test`) and `make book`.
SWIFT ?= swift
# Machine-specific flags for the benchmark only (never in Package.swift). Override them, e.g.
# `make bench BENCH_FLAGS=` for a stock build.
BENCH_FLAGS ?= -Xswiftc -target-cpu -Xswiftc native

.PHONY: test book try-this bench format lint

test:
	$(SWIFT) test

# Renders book.md and figures/ from Chapters/*.md; on any error the old book stays.
book:
	$(SWIFT) build --product book
	SWIFT="$(SWIFT)" "$$($(SWIFT) build --show-bin-path)/book"

# Checks every notebook's "Try this" on a scratch copy in .build/try-this: the suggested change
# makes the suggested command fail, first with the failure the prose quotes.
try-this:
	$(SWIFT) build --product book
	SWIFT="$(SWIFT)" "$$($(SWIFT) build --show-bin-path)/book" try-this

bench:
	$(SWIFT) run -c release $(BENCH_FLAGS) bench

format:
	$(SWIFT) format format --in-place --recursive Package.swift Sources Tests

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests
