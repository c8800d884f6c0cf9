package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"time"

	"congkhai/generator"
	"congkhai/generator/chart"
	"congkhai/generator/content"
	"congkhai/generator/diag"
	"congkhai/generator/publish"
	"congkhai/generator/schedule"
)

// Exit codes.
const (
	exitOK      = 0
	exitProblem = 1 // the content has problems, or the build failed
	exitUsage   = 2
)

// app is the command line, with its environment injected so tests run it in process.
type app struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
}

const usage = `congkhai dựng trang công khai kế hoạch và hồ sơ của cơ quan nhà nước.

Cách dùng:
  congkhai build [cờ]   dựng nội dung trong --content thành trang tĩnh trong --out
  congkhai check [cờ]   kiểm tra nội dung, liệt kê mọi lỗi (tệp:dòng:cột), không ghi gì
  congkhai serve [cờ]   mở trang xem trước tại http://127.0.0.1:1313/, dựng lại và tải lại
                        trang mỗi khi tệp được lưu (--addr, --port)
  congkhai import tthc TỆP.jsonl   nhập thủ tục hành chính từ Cơ sở dữ liệu quốc gia
  congkhai import 766 TỆP.csv      nhập kết quả Bộ chỉ số 766
  congkhai import plan TỆP         nhập kế hoạch từ .docx, .xlsx hoặc văn bản chép từ trang web
                                   (congkhai import để xem cờ)
  congkhai export forms --out THƯ-MỤC   xuất phiếu báo cáo tiến độ (.xlsx) cho từng cơ quan
  congkhai import progress PHIẾU.xlsx ...   nhập phiếu đã điền thành báo cáo tiến độ

Cờ:
`

func (a *app) run(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(a.stdout, usage)
		a.flags("build", &options{}).VisitAll(func(f *flag.Flag) {
			arg, help := flag.UnquoteUsage(f)
			fmt.Fprintf(a.stdout, "  --%s %s\n      %s", f.Name, arg, help)
			if f.DefValue != "" {
				fmt.Fprintf(a.stdout, " (mặc định: %s)", f.DefValue)
			}
			fmt.Fprintln(a.stdout)
		})
		return exitOK
	}
	cmd, rest := args[0], args[1:]
	if cmd == "import" && len(rest) > 0 && rest[0] == "progress" {
		return a.importProgress(ctx, rest[1:])
	}
	if cmd == "import" {
		return a.importCmd(rest)
	}
	if cmd == "export" {
		return a.exportCmd(ctx, rest)
	}
	if cmd == "serve" {
		return a.serveCmd(ctx, rest)
	}
	if cmd != "build" && cmd != "check" {
		fmt.Fprintf(a.stderr, "congkhai: lệnh không rõ %q; dùng build, check, serve, import hoặc export (congkhai help)\n", cmd)
		return exitUsage
	}
	var o options
	flags := a.flags(cmd, &o)
	if err := flags.Parse(rest); err != nil {
		return exitUsage
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(a.stderr, "congkhai %s: đối số thừa: %s\n", cmd, strings.Join(flags.Args(), " "))
		return exitUsage
	}
	if o.kiosk && !flagSet(flags, "out") {
		o.out = kioskOut // never the site's folder by default: a kiosk build would replace it
	}
	opts, err := o.generatorOptions(a.getenv, a.now())
	if err == nil && cmd == "build" {
		err = generator.SeparateDirs(o.content, o.out)
	}
	if err != nil {
		var list diag.List
		if !errors.As(err, &list) {
			list.Append(err)
		}
		for _, e := range list {
			fmt.Fprintf(a.stderr, "congkhai %s: %v\n", cmd, e)
		}
		return exitUsage
	}
	if cmd == "check" {
		site, err := generator.Check(ctx, opts)
		if err != nil {
			return a.fail(cmd, o.content, err)
		}
		a.warn(o.content, site.Warnings)
		n := 0
		for _, p := range site.Plans {
			n += len(p.Tasks)
		}
		fmt.Fprintf(a.stdout, "Nội dung hợp lệ: %d kế hoạch, %s nhiệm vụ, %d cơ quan, %d báo cáo tiến độ, %s thủ tục, %d phản ánh, kiến nghị, %d kỳ Bộ chỉ số 766.\n",
			len(site.Plans), count(n), len(site.Agencies), len(site.Reports), count(len(site.Procedures)), len(site.Petitions), len(site.ScorePeriods))
		return exitOK
	}
	opts.Warn = func(msg string) { fmt.Fprintf(a.stderr, "congkhai %s: %s\n", cmd, msg) }
	stop, err := startProfiles(o.cpuProfile, o.memProfile)
	if err != nil {
		fmt.Fprintf(a.stderr, "congkhai %s: %v\n", cmd, err)
		return exitUsage
	}
	res, err := generator.Build(ctx, opts)
	if perr := stop(); perr != nil {
		fmt.Fprintf(a.stderr, "congkhai %s: %v\n", cmd, perr)
	}
	if err != nil {
		return a.fail(cmd, o.content, err)
	}
	a.warn(o.content, res.Site.Warnings)
	if o.verbose {
		for _, st := range res.Stages {
			fmt.Fprintf(a.stdout, "  %-8s %s\n", stageNames[st.Name], seconds(st.Duration))
		}
		fmt.Fprintf(a.stdout, "  đọc lại %d tệp nội dung; kết xuất lại %d tệp\n", res.Decoded, len(res.RenderedPaths))
	}
	fmt.Fprintf(a.stdout, "Đã dựng %d trang (%d tệp, %s) vào %s trong %s; %s; số liệu đến ngày %s.\n",
		res.Stats.Pages, res.Stats.Files, size(res.Stats.Bytes), o.out, seconds(res.Duration), changes(res.Stats), opts.AsOf.VN())
	return exitOK
}

type options struct {
	content, out, asOf, baseURL, templates, static string
	clean, verbose, kiosk                          bool
	cpuProfile, memProfile                         string
}

// stageNames are the stages' names as -v prints them.
var stageNames = map[string]string{"load": "đọc", "validate": "kiểm tra", "model": "mô hình", "render": "kết xuất",
	"search": "tìm kiếm", "write": "ghi"}

// startProfiles starts the CPU profile into cpu and returns what stops it and writes the
// heap profile into mem; either name may be empty.
func startProfiles(cpu, mem string) (stop func() error, err error) {
	var f *os.File
	if cpu != "" {
		if f, err = os.Create(cpu); err != nil {
			return nil, err
		}
		if err = pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, err
		}
	}
	return func() error {
		var errs []error
		if f != nil {
			pprof.StopCPUProfile()
			errs = append(errs, f.Close())
		}
		if mem != "" {
			m, err := os.Create(mem)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(m, 0)
				errs = append(errs, m.Close())
			}
			errs = append(errs, err)
		}
		return errors.Join(errs...)
	}, nil
}

// changes says what a build wrote: "ghi 12 tệp, xóa 1 tệp", or that nothing changed.
func changes(st publish.Stats) string {
	switch {
	case st.Written == 0 && st.Removed == 0:
		return "không tệp nào thay đổi"
	case st.Removed == 0:
		return fmt.Sprintf("ghi %s tệp", count(st.Written))
	}
	return fmt.Sprintf("ghi %s tệp, xóa %s tệp", count(st.Written), count(st.Removed))
}

func (a *app) flags(cmd string, o *options) *flag.FlagSet {
	flags := flag.NewFlagSet("congkhai "+cmd, flag.ContinueOnError)
	flags.SetOutput(a.stderr)
	flags.StringVar(&o.content, "content", "content", "thư mục nội dung")
	flags.StringVar(&o.out, "out", "public", "thư mục xuất bản (chỉ được cập nhật khi dựng thành công)")
	flags.StringVar(&o.asOf, "as-of", "", "ngày số liệu `YYYY-MM-DD`; mặc định: ngày của SOURCE_DATE_EPOCH nếu có, nếu không là hôm nay (giờ Việt Nam)")
	flags.StringVar(&o.baseURL, "base-url", "", "địa chỉ gốc của trang, ví dụ https://congkhai.example.gov.vn/ (cho liên kết cố định)")
	flags.StringVar(&o.templates, "templates", "", "thư mục chứa mẫu trang thay cho mẫu mặc định, từng tệp một")
	flags.StringVar(&o.static, "static", "", "thư mục chứa tệp tĩnh (CSS) thay cho tệp mặc định, từng tệp một")
	if cmd == "build" {
		flags.BoolVar(&o.clean, "clean", false, "ghi lại toàn bộ trang, không chỉ những tệp thay đổi")
		flags.BoolVar(&o.verbose, "v", false, "in thời gian của từng giai đoạn (đọc, kiểm tra, mô hình, kết xuất, tìm kiếm, ghi)")
		flags.StringVar(&o.cpuProfile, "cpuprofile", "", "ghi hồ sơ CPU của lần dựng vào `tệp` (xem bằng go tool pprof)")
		flags.StringVar(&o.memProfile, "memprofile", "", "ghi hồ sơ bộ nhớ cuối lần dựng vào `tệp` (xem bằng go tool pprof)")
		flags.BoolVar(&o.kiosk, "kiosk", false, "dựng bản cho màn hình cảm ứng tra cứu (kiosk) thay cho trang, vào --out "+kioskOut+" nếu không ghi --out; cần --base-url hoặc base_url trong site.toml")
	}
	return flags
}

// kioskOut is the output folder of build --kiosk without --out.
const kioskOut = "public-kiosk"

// flagSet reports whether the flag name was given on the command line.
func flagSet(flags *flag.FlagSet, name string) bool {
	set := false
	flags.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func (o *options) generatorOptions(getenv func(string) string, now time.Time) (generator.Options, error) {
	opts := generator.Options{Content: os.DirFS(o.content), Out: o.out, BaseURL: o.baseURL, Clean: o.clean, Kiosk: o.kiosk}
	if st, err := os.Stat(o.content); err != nil || !st.IsDir() {
		return opts, fmt.Errorf("không có thư mục nội dung %s", o.content)
	}
	var err error
	if o.asOf != "" {
		if opts.AsOf, err = schedule.ParseISO(o.asOf); err != nil {
			return opts, fmt.Errorf("--as-of %q: cần ngày dạng YYYY-MM-DD", o.asOf)
		}
		if err := generator.CheckAsOf(opts.AsOf); err != nil {
			return opts, fmt.Errorf("--as-of: %w", err)
		}
	} else if opts.AsOf, err = generator.DefaultAsOf(getenv, now); err != nil {
		return opts, err
	}
	if o.baseURL != "" && !content.IsSiteURL(o.baseURL) {
		return opts, fmt.Errorf("--base-url %q: cần địa chỉ đầy đủ bắt đầu bằng https:// hoặc http://", o.baseURL)
	}
	var errs diag.List
	for _, d := range []struct {
		dir string
		dst *fs.FS
	}{{o.templates, &opts.Templates}, {o.static, &opts.Static}} {
		if d.dir != "" {
			var err error
			*d.dst, err = generator.OverrideDir(d.dir)
			errs.Append(err)
		}
	}
	return opts, errs.Err()
}

// fail prints err, with content positions made relative to the working directory so that
// editors and terminals can jump to them, and returns the exit code.
func (a *app) fail(cmd, contentDir string, err error) int {
	var list diag.List
	if errors.As(err, &list) {
		for _, e := range list {
			if e.Pos.File != "" {
				e.Pos.File = filepath.ToSlash(filepath.Join(contentDir, e.Pos.File))
			}
			fmt.Fprintln(a.stderr, e)
		}
		fmt.Fprintf(a.stderr, "congkhai %s: %d lỗi; không ghi tệp nào.\n", cmd, len(list))
		return exitProblem
	}
	fmt.Fprintf(a.stderr, "congkhai %s: %v\n", cmd, err)
	return exitProblem
}

// warn prints the warnings of a check or a build, which do not fail it.
func (a *app) warn(contentDir string, warnings diag.List) {
	for _, e := range warnings.Sort() {
		c := *e
		if c.Pos.File != "" {
			c.Pos.File = filepath.ToSlash(filepath.Join(contentDir, c.Pos.File))
		}
		c.Msg = "cảnh báo: " + c.Msg
		fmt.Fprintln(a.stderr, &c)
	}
}

// count writes a number the Vietnamese way: 1.584.
func count(n int) string { return chart.Number(float64(n), 0) }

// size writes a byte count in Vietnamese style: "3,2 MB".
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return chart.Number(float64(n)/(1<<20), 1) + " MB"
	case n >= 1<<10:
		return chart.Number(float64(n)/(1<<10), 1) + " KB"
	}
	return count(int(n)) + " B"
}

func seconds(d time.Duration) string { return chart.Number(d.Seconds(), 2) + " giây" }
