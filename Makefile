# The two ways in. Both install whatever is missing first (scripts/bootstrap.sh).
.PHONY: demo test bench load bootstrap fuzz

## Start the demo: sandbox gateway :8788, merchant backend :8787, demo shop :8080. Ctrl-C stops all.
demo: bootstrap
	@scripts/servers.sh

## Run every test: native, wasm in headless Chromium, end-to-end against the demo servers.
test:
	@scripts/test.sh

## Sizes (brotli, gzip) beside Adyen Web's, time to interactive, keystroke latency, memory.
bench:
	@scripts/bench.sh

## Load test of the backend + sandbox on loopback: find the limit, sustain it 20 s, check no
## payment was lost or duplicated. Arguments: make load LOAD_ARGS="--rate 40 --duration 60s".
load:
	@scripts/load.sh $(LOAD_ARGS)

bootstrap:
	@scripts/bootstrap.sh

## Fuzz every target FUZZ_SECONDS each (default 60) with cargo-fuzz on nightly (fuzz/README.md).
fuzz:
	@scripts/fuzz.sh $(FUZZ_SECONDS)
