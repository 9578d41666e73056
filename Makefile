# The two ways in. Both install whatever is missing first (scripts/bootstrap.sh).
.PHONY: demo test npm bench load bootstrap fuzz

## Start the demo: sandbox gateway :8788, merchant backend :8787, demo shop :8080. Ctrl-C stops all.
demo: bootstrap
	@scripts/servers.sh

## Run every test: native, wasm in headless Chromium, end-to-end against the demo servers.
test:
	@scripts/test.sh

## The npm package @paykka/checkout into target/npm/ (`npm pack` there makes the tarball), from
## the script-tag build's files (scripts/build-npm.sh).
npm: bootstrap
	@scripts/build-npm.sh

## Sizes (brotli, gzip) beside Adyen Web's, time to interactive, keystroke latency, memory.
bench:
	@scripts/bench.sh

## Load test of the backend + sandbox on loopback: find the limit, sustain it 20 s, check no
## payment was lost or duplicated. Arguments: make load LOAD_ARGS="--rate 40 --duration 60s".
## INSTANCES=2 (up to 8): that many backend instances on one throwaway PostgreSQL
## (make load INSTANCES=1 DATABASE=postgres: one instance on PostgreSQL).
load:
	@scripts/load.sh $(if $(INSTANCES),--instances $(INSTANCES)) $(if $(DATABASE),--database $(DATABASE)) $(LOAD_ARGS)

bootstrap:
	@scripts/bootstrap.sh

## Fuzz every target FUZZ_SECONDS each (default 60) with cargo-fuzz on nightly (fuzz/README.md).
fuzz:
	@scripts/fuzz.sh $(FUZZ_SECONDS)
