package main

import (
	"cmp"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"congkhai/generator/content"
	"congkhai/generator/importer"
	"congkhai/generator/planimport"
)

const importUsage = `Cách dùng:
  congkhai import tthc TỆP.jsonl [cờ]   chuyển thủ tục từ Cơ sở dữ liệu quốc gia về TTHC thành thu-tuc/<mã>.toml
  congkhai import 766 TỆP.csv [cờ]      chuyển kết quả Bộ chỉ số 766 thành chi-so-766/<kỳ>.toml
  congkhai import plan TỆP [cờ]         chuyển kế hoạch (.docx, .xlsx, hoặc văn bản chép từ trang web)
                                        thành plans/<mã>/plan.toml; nhập lại bản sửa đổi giữ mã nhiệm vụ
`

// importCmd runs "congkhai import KIND FILE [flags]".
func (a *app) importCmd(args []string) int {
	if len(args) == 0 || !slices.Contains([]string{"tthc", "766", "plan"}, args[0]) {
		fmt.Fprint(a.stderr, importUsage)
		return exitUsage
	}
	kind := args[0]
	flags := flag.NewFlagSet("congkhai import "+kind, flag.ContinueOnError)
	flags.SetOutput(a.stderr)
	contentDir := flags.String("content", "content", "thư mục nội dung (nơi ghi tệp, và danh mục cơ quan để đối chiếu)")
	var run func(file string) int
	switch kind {
	case "766":
		run = a.importScores(flags, contentDir)
	case "tthc":
		run = a.importProcedures(flags, contentDir)
	case "plan":
		run = a.importPlan(flags, contentDir)
	}
	// The file may come before or after the flags.
	var file string
	rest := args[1:]
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		file, rest = rest[0], rest[1:]
	}
	if err := flags.Parse(rest); err != nil {
		return exitUsage
	}
	if file == "" && flags.NArg() == 1 {
		file = flags.Arg(0)
	} else if flags.NArg() > 0 || file == "" {
		fmt.Fprint(a.stderr, importUsage)
		return exitUsage
	}
	return run(file)
}

// importScores sets up "congkhai import 766" and returns its run function.
func (a *app) importScores(flags *flag.FlagSet, contentDir *string) func(file string) int {
	o := importer.ScoreImport{}
	flags.StringVar(&o.Period, "period", "", "kỳ đánh giá: `2026` (năm), 2026-q3 (quý) hoặc 2026-10 (tháng)")
	through := flags.String("through", "", "ngày cuối được tính `YYYY-MM-DD`, khi kỳ chưa kết thúc (lũy kế)")
	flags.StringVar(&o.ID, "id", "", "tên tệp trong chi-so-766/, không có .toml (mặc định: kỳ)")
	flags.StringVar(&o.Title, "title", "", "tiêu đề của kỳ")
	flags.StringVar(&o.Scope, "scope", "", "phạm vi các đơn vị, ví dụ \"Các tỉnh, thành phố\"")
	flags.StringVar(&o.Source, "source", "", "nguồn số liệu")
	return func(file string) int {
		if o.Period == "" || o.Title == "" {
			fmt.Fprintln(a.stderr, "congkhai import 766: cần --period và --title")
			return exitUsage
		}
		if !a.validID("import 766", o.ID) {
			return exitUsage
		}
		if *through != "" {
			t, err := time.Parse("2006-01-02", *through)
			if err != nil {
				fmt.Fprintf(a.stderr, "congkhai import 766: --through %q: cần ngày dạng YYYY-MM-DD\n", *through)
				return exitUsage
			}
			o.Through = t
		}
		in, err := os.Open(file)
		if err != nil {
			fmt.Fprintf(a.stderr, "congkhai import 766: %v\n", err)
			return exitProblem
		}
		defer in.Close()
		o.Content, o.Input, o.Name = *contentDir, in, file
		out, n, err := importer.Scores(o)
		if err != nil {
			return a.fail("import 766", "", err)
		}
		fmt.Fprintf(a.stdout, "Đã nhập %d đơn vị vào %s.\n", n, out)
		return exitOK
	}
}

// importProcedures sets up "congkhai import tthc" and returns its run function.
func (a *app) importProcedures(flags *flag.FlagSet, contentDir *string) func(file string) int {
	o := importer.ProcedureImport{}
	flags.StringVar(&o.Authority, "authority", "", "danh mục cơ quan (agencies/`TÊN`.toml) để đối chiếu tên cơ quan của thủ tục")
	levels := flags.String("levels", "", "chỉ nhập thủ tục thực hiện ở các cấp này, ví dụ `tinh,xa` (bo, tinh, huyen, xa, khac)")
	verbose := flags.Bool("v", false, "liệt kê từng cảnh báo")
	return func(file string) int {
		if *levels != "" {
			for l := range strings.SplitSeq(*levels, ",") {
				o.Levels = append(o.Levels, strings.TrimSpace(l))
			}
		}
		in, err := os.Open(file)
		if err != nil {
			fmt.Fprintf(a.stderr, "congkhai import tthc: %v\n", err)
			return exitProblem
		}
		defer in.Close()
		o.Content, o.Input, o.Name = *contentDir, in, file
		rep, err := importer.Procedures(o)
		if err != nil {
			return a.fail("import tthc", "", err)
		}
		warned := map[string]int{}
		for _, p := range rep.Problems {
			msg := p.Msg
			if p.Detail != "" {
				msg += " (" + p.Detail + ")"
			}
			if p.Fatal {
				fmt.Fprintf(a.stdout, "%s:%d: bỏ qua thủ tục %s: %s\n", file, p.Line, p.Code, msg)
				continue
			}
			warned[p.Msg]++
			if *verbose {
				fmt.Fprintf(a.stdout, "%s:%d: cảnh báo, thủ tục %s, %s: %s\n", file, p.Line, p.Code, p.Field, msg)
			}
		}
		fmt.Fprintf(a.stdout, "Đọc %d bản ghi: ghi %d tệp vào %s/thu-tuc (%d không có cảnh báo), bỏ qua %d không thuộc cấp đã chọn, %d không chuyển được.\n",
			rep.Records, rep.Written, o.Content, rep.Clean, rep.Filtered, rep.Rejected)
		if len(warned) > 0 && !*verbose {
			fmt.Fprintf(a.stdout, "Cảnh báo theo loại (dùng -v để xem từng dòng):\n")
			for _, w := range sortedCounts(warned) {
				fmt.Fprintf(a.stdout, "  %5d  %s\n", warned[w], w)
			}
		}
		if len(rep.Unresolved) > 0 {
			fmt.Fprintf(a.stdout, "Tên cơ quan chưa có trong agencies/%s.toml (%d tên; thêm vào aliases của cơ quan đúng rồi nhập lại):\n", o.Authority, len(rep.Unresolved))
			for _, u := range rep.Unresolved {
				fmt.Fprintf(a.stdout, "  %5d  %s", u.Count, u.Name)
				if u.Nearest != "" {
					fmt.Fprintf(a.stdout, " (gần nhất: %s)", u.Nearest)
				}
				fmt.Fprintln(a.stdout)
			}
		}
		return exitOK
	}
}

// importPlan sets up "congkhai import plan" and returns its run function.
func (a *app) importPlan(flags *flag.FlagSet, contentDir *string) func(file string) int {
	o := importer.PlanImport{}
	flags.StringVar(&o.Authority, "authority", "", "danh mục cơ quan (agencies/`TÊN`.toml); mặc định: tìm theo địa danh trong văn bản")
	flags.StringVar(&o.ID, "id", "", "tên thư mục của kế hoạch trong plans/; mặc định: <danh mục>-<năm>-<loại>")
	flags.IntVar(&o.Year, "year", 0, "năm của kế hoạch; mặc định: đọc từ văn bản")
	flags.BoolVar(&o.DryRun, "n", false, "chỉ in báo cáo, không ghi tệp")
	verbose := flags.Bool("v", false, "in cả từng dòng đã đọc được mà không cần xem lại")
	return func(file string) int {
		if !a.validID("import plan", o.ID) {
			return exitUsage
		}
		if o.Year != 0 && !content.InYears(o.Year) {
			fmt.Fprintf(a.stderr, "congkhai import plan: --year %d: nằm ngoài các năm %d–%d\n", o.Year, content.MinYear, content.MaxYear)
			return exitUsage
		}
		o.Content, o.File = *contentDir, file
		res, err := importer.Plan(o)
		if err != nil {
			return a.fail("import plan", "", err)
		}
		for _, n := range res.Notes {
			if n.Level != planimport.Read || *verbose {
				fmt.Fprintln(a.stdout, n)
			}
		}
		fmt.Fprintf(a.stdout, "Đọc %s: %s.\n", file, res.Summary())
		if res.Revision {
			fmt.Fprintf(a.stdout, "Kế hoạch đã có: %d nhiệm vụ và chỉ tiêu giữ mã cũ, %d mã cũ không còn.\n", res.Kept, len(res.Dropped))
		}
		verb := "Đã ghi"
		if o.DryRun {
			verb = "Sẽ ghi (chạy thử, chưa ghi)"
		}
		fmt.Fprintf(a.stdout, "%s %s. Xem lại các dòng \"cần xem lại\" ở trên rồi chạy congkhai build.\n", verb, res.Path)
		return exitOK
	}
}

// validID reports whether the --id flag, if given, is an ID as content's are, and says why
// not.
func (a *app) validID(cmd, id string) bool {
	if id == "" {
		return true
	}
	if err := content.CheckID(id); err != nil {
		fmt.Fprintf(a.stderr, "congkhai %s: --id: %v\n", cmd, err)
		return false
	}
	return true
}

// sortedCounts returns the keys of counts, most frequent first.
func sortedCounts(counts map[string]int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y string) int { return cmp.Or(cmp.Compare(counts[y], counts[x]), cmp.Compare(x, y)) })
	return keys
}
