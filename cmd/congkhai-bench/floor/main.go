// Command floor is the trivial program whose time is congkhai-bench's floor: the time the
// disk takes to write a site's files, with nothing else done.
//
//	floor [-workers N] LIST DIR
//
// writes every file of LIST (lines "size path") under DIR, of its size, making its folder
// first: os.MkdirAll, then os.WriteFile, with N writers.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	flags := flag.NewFlagSet("floor", flag.ContinueOnError)
	flags.SetOutput(stderr)
	workers := flags.Int("workers", 1, "số luồng ghi")
	if err := flags.Parse(args); err != nil || flags.NArg() != 2 {
		fmt.Fprintln(stderr, "cách dùng: floor [-workers N] DANH-SÁCH THƯ-MỤC")
		return 2
	}
	type file struct {
		size int
		path string
	}
	f, err := os.Open(flags.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	var files []file
	largest := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		size, p, ok := strings.Cut(sc.Text(), " ")
		n, err := strconv.Atoi(size)
		if !ok || err != nil {
			fmt.Fprintf(stderr, "%s: dòng %q\n", flags.Arg(0), sc.Text())
			return 1
		}
		files = append(files, file{n, p})
		largest = max(largest, n)
	}
	f.Close()
	data := bytes.Repeat([]byte("<p>congkhai</p>\n"), largest/16+1)
	dir := flags.Arg(1)
	next := make(chan file)
	errs := make(chan error, *workers)
	var wg sync.WaitGroup
	for range max(*workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				name := filepath.Join(dir, filepath.FromSlash(f.path))
				if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
					errs <- err
					return
				}
				if err := os.WriteFile(name, data[:f.size], 0o644); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	failed := false
	for _, f := range files {
		select {
		case next <- f:
		case err := <-errs:
			fmt.Fprintln(stderr, err)
			failed = true
		}
		if failed {
			break
		}
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		fmt.Fprintln(stderr, err)
		failed = true
	default:
	}
	if failed {
		return 1
	}
	return 0
}
