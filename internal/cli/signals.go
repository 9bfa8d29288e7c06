package cli

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// Stopping a build cleanly on Ctrl+C or TERM.

// onSignal returns a context that Ctrl+C or TERM cancels, a function to
// call when the work is done, and one that tells which signal stopped it,
// if one did. After the first signal the process takes signals as usual
// again, so a second Ctrl+C ends it at once.
func onSignal(parent context.Context) (context.Context, context.CancelFunc, func() os.Signal) {
	ctx, cancel := context.WithCancel(parent)
	sigs := make(chan os.Signal, 1)
	caught := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		defer signal.Stop(sigs)
		select {
		case sig := <-sigs:
			caught <- sig
			cancel()
		case <-ctx.Done():
		}
	}()
	var sig os.Signal
	return ctx, cancel, func() os.Signal {
		select {
		case sig = <-caught:
		default:
		}
		return sig
	}
}

func exitCode(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return exitSignalBase + int(s)
	}
	return exitSignalBase + int(syscall.SIGINT)
}
