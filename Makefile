# The two commands a newcomer needs are `make run` and `make test` (see README.md).
.PHONY: run test setup build build-asan lint format bench clean conformance

run:        ## build everything, start PostgreSQL + Redis + the server on http://127.0.0.1:$(PORT or 8080)
	@scripts/run

test:       ## every test suite (unit, integration, web, e2e); ends with "N passed, N failed"
	@scripts/test

setup:      ## Debian and npm packages only
	@scripts/setup

build:      ## release build of the server and the web client
	@scripts/build release

build-asan: ## sanitizer build used by the tests
	@scripts/build asan

lint:       ## clang-format, module dependencies, ESLint and clang-tidy (TIDY=changed: only recent changes)
	@scripts/lint

format:     ## rewrite the server sources with clang-format
	@find server -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

bench:      ## HTTP benchmark against a running server (see bench/README.md)
	@bench/http-bench

conformance: ## the Socket.IO/Engine.IO reference behaviour on http://localhost:3000 for the official protocol test suites (docs/realtime.md)
	@scripts/build release >/dev/null && build/server/service-server conformance

clean:      ## build outputs only; var/ (your local data) is kept
	rm -rf build build-asan web/dist
