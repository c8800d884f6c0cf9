package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"congkhai/generator/serve"
)

// serveCmd runs the preview server: congkhai serve [--addr A] [--port P] [build's flags].
func (a *app) serveCmd(ctx context.Context, args []string) int {
	var o options
	flags := a.flags("serve", &o)
	addr := flags.String("addr", "127.0.0.1", "địa chỉ máy để mở trang xem trước")
	port := flags.Int("port", 1313, "cổng để mở trang xem trước (0: cổng trống bất kỳ)")
	if err := flags.Parse(args); err != nil {
		return exitUsage
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(a.stderr, "congkhai serve: đối số thừa: %s\n", strings.Join(flags.Args(), " "))
		return exitUsage
	}
	opts, err := o.generatorOptions(a.getenv, a.now())
	if err != nil {
		fmt.Fprintf(a.stderr, "congkhai serve: %v\n", err)
		return exitUsage
	}
	// The preview is written into a folder of its own, removed when the server stops.
	tmp, err := os.MkdirTemp("", "congkhai-serve-")
	if err != nil {
		fmt.Fprintf(a.stderr, "congkhai serve: %v\n", err)
		return exitProblem
	}
	defer os.RemoveAll(tmp)
	opts.Out = filepath.Join(tmp, "public")
	watch := []string{o.content}
	for _, d := range []string{o.templates, o.static} {
		if d != "" {
			watch = append(watch, d)
		}
	}
	s, err := serve.Listen(serve.Config{
		Build:      opts,
		Watch:      watch,
		Addr:       net.JoinHostPort(*addr, strconv.Itoa(*port)),
		ContentDir: o.content,
		Log:        func(format string, args ...any) { fmt.Fprintf(a.stderr, "congkhai serve: "+format+"\n", args...) },
	})
	if err != nil {
		fmt.Fprintf(a.stderr, "congkhai serve: %v\n", err)
		return exitProblem
	}
	fmt.Fprintf(a.stdout, "Trang xem trước: %s (Ctrl+C để dừng)\n", s.URL())
	if err := s.Run(ctx); err != nil {
		fmt.Fprintf(a.stderr, "congkhai serve: %v\n", err)
		return exitProblem
	}
	return exitOK
}
