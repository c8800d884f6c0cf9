package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"congkhai/generator"
	"congkhai/generator/importer"
	"congkhai/generator/progressform"
	"congkhai/generator/schedule"
)

const exportUsage = `Cách dùng:
  congkhai export forms --out THƯ-MỤC [--agency tinh/ma ...] [--plan MÃ ...] [--period 2026-Q4]
      xuất cho mỗi cơ quan một phiếu báo cáo tiến độ (.xlsx) các nhiệm vụ phải báo cáo trong kỳ;
      cơ quan điền rồi gửi lại, nhập bằng congkhai import progress
`

// listFlag is a flag that may be given several times, or once with values separated by commas.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

// exportCmd runs "congkhai export forms [flags]".
func (a *app) exportCmd(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] != "forms" {
		fmt.Fprint(a.stderr, exportUsage)
		return exitUsage
	}
	flags := flag.NewFlagSet("congkhai export forms", flag.ContinueOnError)
	flags.SetOutput(a.stderr)
	var o options
	flags.StringVar(&o.content, "content", "content", "thư mục nội dung")
	flags.StringVar(&o.asOf, "as-of", "", "ngày số liệu `YYYY-MM-DD` ghi trên phiếu; mặc định: hôm nay (giờ Việt Nam)")
	out := flags.String("out", "", "thư mục ghi các phiếu (bắt buộc)")
	period := flags.String("period", "", "kỳ báo cáo: `2026-Q4`, 2026-11, 2026-H2, 2026; mặc định: quý chứa ngày số liệu")
	var sel progressform.Selection
	flags.Var((*listFlag)(&sel.Agencies), "agency", "chỉ phiếu của cơ quan `tinh/ma` (lặp lại được); mặc định: mọi cơ quan có nhiệm vụ phải báo cáo")
	flags.Var((*listFlag)(&sel.Plans), "plan", "chỉ nhiệm vụ của kế hoạch `MÃ` (lặp lại được)")
	if err := flags.Parse(args[1:]); err != nil {
		return exitUsage
	}
	if *out == "" || flags.NArg() > 0 {
		fmt.Fprint(a.stderr, exportUsage)
		return exitUsage
	}
	opts, err := o.generatorOptions(a.getenv, a.now())
	if err != nil {
		fmt.Fprintf(a.stderr, "congkhai export forms: %v\n", err)
		return exitUsage
	}
	sel.Period = progressform.QuarterOf(opts.AsOf)
	if *period != "" {
		if sel.Period, err = schedule.ParsePeriodKey(strings.ToUpper(*period)); err != nil {
			fmt.Fprintf(a.stderr, "congkhai export forms: --period %q: cần kỳ dạng 2026-Q4, 2026-11, 2026-H2 hoặc 2026\n", *period)
			return exitUsage
		}
	}
	site, err := generator.Check(ctx, opts)
	if err != nil {
		return a.fail("export forms", o.content, err)
	}
	written, err := progressform.Export(site, sel, *out)
	if err != nil {
		fmt.Fprintf(a.stderr, "congkhai export forms: %v\n", err)
		return exitProblem
	}
	rows := 0
	for _, w := range written {
		rows += w.Rows
		fmt.Fprintf(a.stdout, "%s: %d dòng (chủ trì %d, phối hợp %d)\n", w.Path, w.Rows, len(w.Form.Leads), len(w.Form.Coops))
	}
	fmt.Fprintf(a.stdout, "Đã xuất %d phiếu, %d dòng, kỳ %s, số liệu đến ngày %s, vào %s.\n", len(written), rows, sel.Period.Label(), opts.AsOf.VN(), *out)
	return exitOK
}

// importProgress runs "congkhai import progress FILE.xlsx ... [flags]".
func (a *app) importProgress(ctx context.Context, args []string) int {
	flags := flag.NewFlagSet("congkhai import progress", flag.ContinueOnError)
	flags.SetOutput(a.stderr)
	var o options
	flags.StringVar(&o.content, "content", "content", "thư mục nội dung (nơi ghi progress/<kế hoạch>/)")
	flags.StringVar(&o.asOf, "as-of", "", "ngày số liệu `YYYY-MM-DD`: không nhận báo cáo ghi ngày sau; mặc định: hôm nay (giờ Việt Nam)")
	dryRun := flags.Bool("n", false, "chỉ báo sẽ ghi gì, không ghi")
	verbose := flags.Bool("v", false, "in cả các dòng đã có sẵn, không đổi")
	// Files and flags in any order.
	var files []string
	rest := args
	for len(rest) > 0 {
		if err := flags.Parse(rest); err != nil {
			return exitUsage
		}
		if flags.NArg() == 0 {
			break
		}
		files, rest = append(files, flags.Arg(0)), flags.Args()[1:]
	}
	if len(files) == 0 {
		fmt.Fprintln(a.stderr, "Cách dùng: congkhai import progress PHIẾU.xlsx ... [-n] [-v] [--content THƯ-MỤC] [--as-of YYYY-MM-DD]")
		return exitUsage
	}
	opts, err := o.generatorOptions(a.getenv, a.now())
	if err != nil {
		fmt.Fprintf(a.stderr, "congkhai import progress: %v\n", err)
		return exitUsage
	}
	rep, err := importer.Progress(ctx, importer.ProgressImport{Content: o.content, Files: files, AsOf: opts.AsOf, DryRun: *dryRun})
	if err != nil {
		return a.fail("import progress", "", err)
	}
	verb := "Đã ghi"
	if *dryRun {
		verb = "Sẽ ghi (chạy thử, chưa ghi)"
	}
	for _, rel := range rep.Written {
		fmt.Fprintf(a.stdout, "%s %s\n", verb, rel)
	}
	if *verbose || rep.Unchanged > 0 {
		fmt.Fprintf(a.stdout, "%d dòng đã có sẵn, giữ nguyên.\n", rep.Unchanged)
	}
	fmt.Fprintf(a.stdout, "Đọc %d phiếu: %d dòng đã điền, %d báo cáo tiến độ mới (%s).\n", len(files), rep.Rows, len(rep.Written), strings.ToLower(verb))
	return exitOK
}
