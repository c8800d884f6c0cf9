// Command congkhai-bench measures congkhai's build at national scale, side by side with
// Hugo and with the disk's floor, and writes the figures into BENCHMARKS.md. Run it from the
// repository:
//
//	go run ./cmd/congkhai-bench [-sizes example,10k,100k] [-hugo] [-out BENCH_DIR] [-md BENCHMARKS.md]
//
// For each size it generates a site with generator/sitegen (or reuses the one in BENCH_DIR
// made with the same seed, size, as-of day and national file), then runs the real
// `congkhai build -v`, built once with `go build`, as a child process (started by the small
// program in runner/, so that its peak memory is its own), and measures:
//
//	clean          a build into an empty --out, the cache and manifest beside it removed
//	no change      the same build again
//	one report     after changing the note of one progress report
//	one procedure  after renaming one procedure
//	one template   with --templates: a copy of templates/ where one page template changed
//	next day       with --as-of one day later, nothing else changed
//	serve          congkhai serve: the time from a progress report's write to its task
//	               page's new bytes on disk in the served folder, median of five edits
//
// Each change starts from the site built of the generated content: after its build the
// content is restored, checked, and built again unmeasured. For each it reports the wall
// time, the child's peak resident memory (its rusage), pages a second, what changed in
// --out (files written: created, or written again even with the same bytes, a new inode or
// modification time; files whose bytes changed; files removed) and what build -v says it
// decoded and rendered again, with its stages' times.
// The floor is the time a trivial Go program (floor/: os.MkdirAll and os.WriteFile, one
// writer, then as many as cores) takes to write the same files, of the same sizes, in the
// same folders.
// With -hugo it installs Hugo with `go install` into a folder of its own, makes a Hugo site
// of the same pages (see hugo.go) and times `hugo --quiet` on a clean build, again with
// nothing changed, and after changing one content file, each right after its congkhai
// counterpart. Each measurement runs -runs times (3 up to 20,000 pages, else 1; serve once);
// the table shows the median and min–max. Without -out the work folder is temporary and
// removed. The introduction that BENCHMARKS.md opens with (benchmarksIntro in report.go)
// says all this for readers.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"congkhai/generator/schedule"
	"congkhai/generator/sitegen"
)

const usage = `congkhai-bench đo thời gian dựng trang của congkhai trên các trang lớn sinh tự động,
đặt cạnh Hugo và cạnh mức sàn của ổ đĩa, rồi ghi bảng kết quả vào BENCHMARKS.md.

Cách dùng (trong thư mục của congkhai):
  go run ./cmd/congkhai-bench [cờ]

Cờ:
`

type config struct {
	sizes       []sizeSpec
	hugo        bool
	hugoVersion string
	out, md     string
	runs        int
	seed        uint64
	asOf        schedule.Date
	national    string
	timeout     time.Duration
	only        map[string]bool // the measurements to make; nil: all
	smoke       bool            // the run only checks that the bench works: say so
	command     string          // the command line that reproduces the run
}

type sizeSpec struct {
	name  string
	pages int
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "congkhai-bench: %v\n", err)
		return 2
	}
	b, err := newBench(ctx, cfg, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "congkhai-bench: %v\n", err)
		return 1
	}
	defer b.close()
	rep := b.run(ctx)
	text := rep.markdown()
	fmt.Fprint(stdout, text)
	if ctx.Err() != nil {
		// An interrupted run does not replace the figures of a whole one.
		if cfg.md != "" {
			fmt.Fprintf(stderr, "congkhai-bench: đã dừng giữa chừng; không ghi vào %s\n", cfg.md)
		}
		return 1
	}
	if cfg.md != "" {
		if err := updateBenchmarks(cfg.md, rep.heading(), text); err != nil {
			fmt.Fprintf(stderr, "congkhai-bench: %v\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "congkhai-bench: đã ghi kết quả vào %s\n", cfg.md)
	}
	return 0
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	cfg := &config{}
	flags := flag.NewFlagSet("congkhai-bench", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprint(stderr, usage)
		flags.PrintDefaults()
	}
	sizes := flags.String("sizes", "example,10k", "các cỡ trang cần đo, cách nhau bằng dấu phẩy: example, 10k, 100k, hoặc số trang (25000, 25k)")
	flags.BoolVar(&cfg.hugo, "hugo", false, "đo cả Hugo trên một trang Hugo có cùng số trang")
	flags.StringVar(&cfg.hugoVersion, "hugo-version", "v0.165.0", "phiên bản Hugo cài bằng go install")
	flags.StringVar(&cfg.out, "out", "", "thư mục làm việc, giữ lại sau khi đo để dùng lại trang đã sinh; mặc định: thư mục tạm, xóa khi xong")
	flags.StringVar(&cfg.md, "md", "", "tệp Markdown (ví dụ BENCHMARKS.md) để ghi bảng kết quả vào, dưới tiêu đề là lệnh đã chạy")
	flags.IntVar(&cfg.runs, "runs", 0, "số lần đo mỗi phép đo; mặc định 3 với trang đến 20.000 trang, 1 với trang lớn hơn")
	flags.Uint64Var(&cfg.seed, "seed", 1, "hạt giống sinh trang")
	asOf := flags.String("as-of", sitegen.DefaultAsOf.String(), "ngày số liệu `YYYY-MM-DD` của trang sinh ra và của các lần dựng")
	flags.StringVar(&cfg.national, "national", "testdata/tthc/national-procedures.jsonl.gz", "tệp thủ tục quốc gia (đường dẫn tính từ thư mục của congkhai)")
	flags.DurationVar(&cfg.timeout, "timeout", 45*time.Minute, "thời gian tối đa của một lần dựng")
	flags.BoolVar(&cfg.smoke, "smoke", false, "ghi rõ trong kết quả rằng đây là lần chạy thử trên máy dùng chung, không phải số đo")
	only := flags.String("only", "", "chỉ đo các phép đo này, cách nhau bằng dấu phẩy ("+strings.Join(rowKeys(), ", ")+"); dựng mới luôn được đo")
	if err := flags.Parse(args); err != nil {
		return nil, err
	}
	if flags.NArg() > 0 {
		return nil, fmt.Errorf("đối số thừa: %s", strings.Join(flags.Args(), " "))
	}
	for _, s := range strings.Split(*sizes, ",") {
		s = strings.TrimSpace(s)
		n, err := sitegen.ParseSize(s)
		if err != nil {
			return nil, err
		}
		cfg.sizes = append(cfg.sizes, sizeSpec{s, n})
	}
	if *only != "" {
		cfg.only = map[string]bool{"clean": true}
		for _, k := range strings.Split(*only, ",") {
			k = strings.TrimSpace(k)
			if !slices.Contains(rowKeys(), k) {
				return nil, fmt.Errorf("-only: không có phép đo %q (%s)", k, strings.Join(rowKeys(), ", "))
			}
			cfg.only[k] = true
		}
	}
	var err error
	if cfg.asOf, err = schedule.ParseISO(*asOf); err != nil {
		return nil, fmt.Errorf("-as-of %q: cần ngày dạng YYYY-MM-DD", *asOf)
	}
	cfg.command = command(flags)
	return cfg, nil
}

// command is the command line that reproduces a run: the flags set, in name order (the
// same run gives the same heading however its flags were ordered), but -out, whose work
// folder changes no figure.
func command(flags *flag.FlagSet) string {
	c := "go run ./cmd/congkhai-bench"
	flags.Visit(func(f *flag.Flag) {
		if f.Name == "out" {
			return
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			if f.Value.String() == "true" {
				c += " -" + f.Name
			} else {
				c += " -" + f.Name + "=false"
			}
			return
		}
		v := f.Value.String()
		if v == "" || strings.ContainsAny(v, " \t'\"$`\\") {
			v = "'" + strings.ReplaceAll(v, "'", `'\''`) + "'"
		}
		c += " -" + f.Name + " " + v
	})
	return c
}

// bench is one run of the command: its work folder and tools.
type bench struct {
	cfg      *config
	log      io.Writer
	root     string // the module's folder
	base     string // the work folder
	temp     bool   // base is removed at the end
	congkhai string // the built command
	hugo     string // the installed Hugo, "" without -hugo
	hugoVer  string
	goVer    string // go env GOVERSION: the toolchain congkhai is built with
	runner   string // cmd/congkhai-bench/runner: starts every measured program
	floor    string // cmd/congkhai-bench/floor
	start    machine
}

func newBench(ctx context.Context, cfg *config, log io.Writer) (*bench, error) {
	b := &bench{cfg: cfg, log: log}
	gomod, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOMOD: %v", err)
	}
	if s := strings.TrimSpace(string(gomod)); s == "" || s == os.DevNull {
		return nil, errors.New("chạy lệnh trong thư mục của congkhai (không thấy go.mod)")
	} else {
		b.root = filepath.Dir(s)
	}
	if !filepath.IsAbs(cfg.national) {
		cfg.national = filepath.Join(b.root, cfg.national)
	}
	if _, err := os.Stat(cfg.national); err != nil {
		return nil, fmt.Errorf("tệp thủ tục quốc gia: %w", err)
	}
	if cfg.out != "" {
		b.base, err = filepath.Abs(cfg.out)
		if err == nil {
			err = os.MkdirAll(b.base, 0o755)
		}
	} else {
		b.base, err = os.MkdirTemp("", "congkhai-bench-")
		b.temp = true
	}
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			b.close()
		}
	}()
	b.start = readMachine()
	if v, err := exec.CommandContext(ctx, "go", "env", "GOVERSION").Output(); err == nil {
		b.goVer = strings.TrimSpace(string(v))
	}
	b.logf("thư mục làm việc: %s", b.base)
	bin := filepath.Join(b.base, "bin")
	b.congkhai, b.runner, b.floor = filepath.Join(bin, "congkhai"), filepath.Join(bin, "runner"), filepath.Join(bin, "floor")
	for _, c := range []struct{ out, pkg string }{{b.congkhai, "./cmd/congkhai"}, {b.runner, "./cmd/congkhai-bench/runner"}, {b.floor, "./cmd/congkhai-bench/floor"}} {
		build := exec.CommandContext(ctx, "go", "build", "-o", c.out, c.pkg)
		build.Dir = b.root
		if out, err := build.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("go build %s: %v\n%s", c.pkg, err, out)
		}
	}
	if cfg.hugo {
		b.logf("cài Hugo %s bằng go install (lần đầu mất vài phút)…", cfg.hugoVersion)
		ver, err := hugoInstall(ctx, cfg.hugoVersion, filepath.Join(b.base, "bin"), os.TempDir())
		if err != nil {
			return nil, err
		}
		b.hugo, b.hugoVer = filepath.Join(b.base, "bin", "hugo"), ver
	}
	ok = true
	return b, nil
}

func (b *bench) close() {
	if b.temp && b.base != "" {
		// Files written by Hugo's module cache are read-only.
		filepath.WalkDir(b.base, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
		if err := os.RemoveAll(b.base); err != nil {
			b.logf("không xóa được %s: %v", b.base, err)
		}
	}
}

// want reports whether the measurement key is to be made.
func (b *bench) want(key string) bool { return b.cfg.only == nil || b.cfg.only[key] }

func (b *bench) logf(format string, args ...any) {
	fmt.Fprintf(b.log, "congkhai-bench: "+format+"\n", args...)
}

func (b *bench) run(ctx context.Context) *report {
	rep := &report{cfg: b.cfg, start: b.start, goVersion: b.goVer, hugoVersion: b.hugoVer, commit: gitCommit(b.root)}
	for _, s := range b.cfg.sizes {
		if ctx.Err() != nil {
			break
		}
		rep.sizes = append(rep.sizes, b.measureSize(ctx, s))
	}
	rep.end = readMachine()
	return rep
}
