// Command congkhai builds the public website of a government's plans and records.
//
//	congkhai build [flags]   build content/ into public/
//	congkhai check [flags]   report every problem in content/; write nothing
//
// See README.md for the content format and every flag.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := (&app{stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, now: time.Now}).run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}
