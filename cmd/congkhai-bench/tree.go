package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"congkhai/generator/parallel"
)

// entry is what a snapshot knows of one file of a tree.
type entry struct {
	size  int64
	mtime time.Time
	ino   uint64 // 0 where the system has none
	sum   [32]byte
}

// tree is a snapshot of a folder: every regular file by slash path.
type tree map[string]entry

// snapshot reads every regular file under dir. A file whose size, modification time and
// inode equal those of prev's entry is taken as unchanged and not read again; every other
// file is read and hashed. A missing dir is an empty tree.
func snapshot(dir string, prev tree) (tree, error) {
	type item struct {
		rel  string
		info fs.FileInfo
	}
	var items []item
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == dir {
				return filepath.SkipAll
			}
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		items = append(items, item{filepath.ToSlash(rel), info})
		return nil
	})
	if err != nil {
		return nil, err
	}
	t := make(tree, len(items))
	var mu sync.Mutex
	err = parallel.Do(len(items), func(i int) error {
		it := items[i]
		e := entry{size: it.info.Size(), mtime: it.info.ModTime(), ino: inode(it.info)}
		if old, ok := prev[it.rel]; ok && old.size == e.size && old.mtime.Equal(e.mtime) && old.ino == e.ino && e.ino != 0 {
			e.sum = old.sum
		} else {
			f, err := os.Open(filepath.Join(dir, filepath.FromSlash(it.rel)))
			if err != nil {
				return err
			}
			h := sha256.New()
			_, err = io.Copy(h, f)
			f.Close()
			if err != nil {
				return err
			}
			copy(e.sum[:], h.Sum(nil))
		}
		mu.Lock()
		t[it.rel] = e
		mu.Unlock()
		return nil
	})
	return t, err
}

// files and bytes of a tree; pages are its HTML files.
func (t tree) stats() (files, pages int, bytes int64) {
	for p, e := range t {
		files++
		bytes += e.size
		if strings.HasSuffix(p, ".html") {
			pages++
		}
	}
	return
}

// htmlBytes is the size of a tree's HTML files: its pages, without assets or index.
func (t tree) htmlBytes() (n int64) {
	for p, e := range t {
		if strings.HasSuffix(p, ".html") {
			n += e.size
		}
	}
	return n
}

// delta is what a build did to a tree.
type delta struct {
	Created   int // paths that were not there
	Rewritten int // paths that were, written again (a new inode or modification time), same bytes or not
	Changed   int // paths whose bytes differ, created ones included
	Removed   int
	// Sample names the first paths changed or removed (these with a "-" before), in path
	// order, up to sampleSize: what the build log shows of a build.
	Sample []string
}

const sampleSize = 8

// Written is every file the build wrote.
func (d delta) Written() int { return d.Created + d.Rewritten }

func diff(before, after tree) delta {
	var d delta
	var changed []string
	for p, a := range after {
		b, ok := before[p]
		switch {
		case !ok:
			d.Created++
			d.Changed++
			changed = append(changed, p)
		case a.ino != b.ino || !a.mtime.Equal(b.mtime) || a.size != b.size:
			d.Rewritten++
			if a.sum != b.sum {
				d.Changed++
				changed = append(changed, p)
			}
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			d.Removed++
			changed = append(changed, "-"+p)
		}
	}
	slices.SortFunc(changed, func(a, b string) int { return strings.Compare(strings.TrimPrefix(a, "-"), strings.TrimPrefix(b, "-")) })
	d.Sample = changed[:min(len(changed), sampleSize)]
	return d
}

// writeManifest lists the files of a built site, one "size path" a line, in path order:
// what the floor writes.
func writeManifest(name string, t tree) error {
	var b bytes.Buffer
	for _, p := range slices.Sorted(maps.Keys(t)) {
		fmt.Fprintf(&b, "%d %s\n", t[p].size, p)
	}
	return os.WriteFile(name, b.Bytes(), 0o644)
}

// readResult reads what the runner (cmd/congkhai-bench/runner) wrote of a program it ran.
func readResult(name string) (wall time.Duration, rss int64, code int, err error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return 0, 0, 0, err
	}
	f := strings.Fields(string(data))
	if len(f) != 3 {
		return 0, 0, 0, fmt.Errorf("%s: %q", name, data)
	}
	ns, err1 := strconv.ParseInt(f[0], 10, 64)
	rss, err2 := strconv.ParseInt(f[1], 10, 64)
	code, err3 := strconv.Atoi(f[2])
	if err := errors.Join(err1, err2, err3); err != nil {
		return 0, 0, 0, fmt.Errorf("%s: %w", name, err)
	}
	return time.Duration(ns), rss, code, nil
}

func numCPU() int { return runtime.NumCPU() }
