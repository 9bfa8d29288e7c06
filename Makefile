# The report's tasks. Everything needs only Go; `make test` fetches the
# pinned staticcheck through the Go module proxy.
GO          ?= go
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
BIN         := bin/report
OUT         ?= public
BASE_URL    ?=
PORT        ?= 1313

.PHONY: all build serve check test vet fmt-check lint unit bench clean

all: build

$(BIN): FORCE
	$(GO) build -trimpath -o $(BIN) ./cmd/report

FORCE:

## build: write the site to public/ (BASE_URL=https://example.org/rapport/ to publish under a sub-path)
build: $(BIN)
	./$(BIN) build --out $(OUT) $(if $(BASE_URL),--base-url $(BASE_URL))

## serve: build and preview the site on http://127.0.0.1:1313/
serve: $(BIN)
	./$(BIN) serve --port $(PORT)

## check: check the content and data without writing anything
check: $(BIN)
	./$(BIN) check

## test: formatting, vet, staticcheck and every test, with the race detector
test: fmt-check vet lint unit

fmt-check:
	@out=$$(gofmt -l cmd internal); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

lint:
	$(GO) run $(STATICCHECK) ./...

unit:
	$(GO) test -race -count=1 ./...

## bench: Go benchmarks of the build (never part of `make test`)
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin $(OUT)
