package generator_test

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"congkhai/generator"
	"congkhai/generator/model"
	"congkhai/generator/render"
	"congkhai/generator/schedule"
	"congkhai/generator/tomltext"
	"congkhai/generator/vocab"
)

const (
	benchDir     = "../testdata/search/bench" // package.json pinning Pagefind, and its query page
	sitePrefix   = "/site/"                   // the built site is served under a subpath
	pagefindPage = "pagefind-bench.html"      // testdata/search/bench/pagefind-bench.html, served at the site root
	firstQuery   = "dang ky ket hon"          // the two measured queries, the same for both tools
	secondQuery  = "thu tuc dat dai"
	minLargePage = 10000
	// largePetitions generated petitions take the large site past minLargePage pages.
	largePetitions = 6100
)

// searchMeasure is what one tool measured on one site.
type searchMeasure struct {
	site, tool string
	pages      int
	indexBytes int64
	coreBytes  int64 // for Pagefind: without its UI bundles
	indexFiles int
	indexTime  time.Duration
	toolTime   time.Duration // Pagefind: its own "Finished in"; congkhai: the whole build
	q1, q2     transfer
	recall     recallResult
	err        error
}

type transfer struct {
	bytes    int64
	requests int
	late     int64 // bytes fetched after the results showed, before the next query
	paths    []string
}

type recallResult struct {
	found, expected int
	dropped         int // expected pages that the site does not have
	queries         int
	misses          []miss
}

type miss struct {
	q        string
	missing  []string
	returned []string
}

func (r recallResult) percent() float64 {
	if r.expected == 0 {
		return 0
	}
	return 100 * float64(r.found) / float64(r.expected)
}

// BenchmarkSearchVsPagefind compares congkhai's own search (the index under tim-kiem/ and
// assets/search.<hash>.js) with Pagefind, the tool a province would pick instead, on the
// example site and on a large generated site (the whole national catalogue and thousands of
// generated petitions, at least 10,000 pages). Run it with
//
//	go test ./generator -run '^$' -bench SearchVsPagefind -benchtime 1x
//
// It takes two to three minutes on two cores. Add -v to see every request of the two
// measured queries; SEARCHBENCH_SITES=example (or large) measures one site only, and
// SEARCHBENCH_KEEP=1 keeps the content and the built sites in the temporary folder.
//
// It needs node and npm (Pagefind is pinned in testdata/search/bench/package.json; npm ci
// installs it there when node_modules is missing) and Chromium (/usr/bin/chromium or
// $CHROMIUM); it skips without them.
//
// For each site and tool it reports
//   - index-bytes, index-files: the index on disk (congkhai: tim-kiem/ without its
//     index.html, plus assets/search.*.js; Pagefind: its whole pagefind/ folder; the table
//     also shows Pagefind's core, without its optional UI bundles),
//   - q1-bytes, q2-bytes: the response bodies a fresh headless Chromium profile downloads
//     from a server that gzips text (as a static host would) for a first query, then for a
//     second, different one in the same page, leaving out the HTML page that hosts the
//     search and its CSS,
//   - index-s: the time to build the index (congkhai: render.SearchFiles on the model, which
//     reads no HTML; Pagefind: the wall time of npx pagefind on the built HTML),
//   - recall-%: the share of the pages testdata/search/queries.toml expects that come
//     within the first 5 results of their query,
//
// and prints a table and every query a tool missed.
func BenchmarkSearchVsPagefind(b *testing.B) {
	chromium(b) // skips without it
	for _, tool := range []string{"node", "npm", "npx"} {
		if _, err := exec.LookPath(tool); err != nil {
			b.Skipf("%s not found: the search benchmark runs Pagefind with Node.js", tool)
		}
	}
	if err := ensurePagefind(); err != nil {
		b.Skipf("cannot install Pagefind in %s: %v", benchDir, err)
	}
	queries := loadQueries(b)

	only := os.Getenv("SEARCHBENCH_SITES") // "example" or "large" measures one site only
	var all []*searchMeasure
	for _, s := range []struct {
		name string
		make func(b *testing.B, dir string) string // returns the content folder
	}{
		{"example", func(*testing.B, string) string { return "../content" }},
		{"large", makeLargeSite},
	} {
		if only != "" && !slices.Contains(strings.Split(only, ","), s.name) {
			continue
		}
		var dir string
		if os.Getenv("SEARCHBENCH_KEEP") != "" {
			var err error
			if dir, err = os.MkdirTemp("", "searchbench-"+s.name+"-"); err != nil {
				b.Fatal(err)
			}
			b.Logf("%s: keeping the content and the built site in %s", s.name, dir)
		} else {
			dir = b.TempDir()
		}
		contentDir := s.make(b, dir)
		out := filepath.Join(dir, "public")
		start := time.Now()
		res, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS(contentDir), Out: out, AsOf: asOf})
		if err != nil {
			b.Fatalf("%s: %v", s.name, err)
		}
		buildTime := time.Since(start)
		b.Logf("%s: built %d pages in %v", s.name, res.Stats.Pages, buildTime.Round(time.Millisecond))
		if s.name == "large" && res.Stats.Pages < minLargePage {
			b.Fatalf("the large site has %d pages, want at least %d: raise largePetitions", res.Stats.Pages, minLargePage)
		}
		// Pagefind indexes the HTML congkhai wrote, before anything else is added to it.
		pf := &searchMeasure{site: s.name, tool: "pagefind", pages: res.Stats.Pages}
		pf.indexTime, pf.toolTime, pf.err = runPagefind(out)
		ck := &searchMeasure{site: s.name, tool: "congkhai", pages: res.Stats.Pages, toolTime: buildTime}
		srv := newSiteServer(out, sitePrefix)
		for _, m := range []*searchMeasure{ck, pf} {
			b.Run(s.name+"/"+m.tool, func(b *testing.B) {
				measureTool(b, m, contentDir, out, srv, queries)
				if m.err != nil {
					b.Error(m.err)
					return
				}
				b.ReportMetric(float64(m.indexBytes), "index-bytes")
				b.ReportMetric(float64(m.indexFiles), "index-files")
				b.ReportMetric(float64(m.q1.bytes), "q1-bytes")
				b.ReportMetric(float64(m.q2.bytes), "q2-bytes")
				b.ReportMetric(m.indexTime.Seconds(), "index-s")
				b.ReportMetric(m.recall.percent(), "recall-%")
				b.ReportMetric(float64(m.pages), "pages")
			})
			all = append(all, m)
		}
		srv.Close()
	}
	printSearchTable(all)
}

// measureTool fills in m: sizes and time to index, then the browser measures.
func measureTool(b *testing.B, m *searchMeasure, contentDir, out string, srv *siteServer, queries []Query) {
	if m.err != nil {
		return
	}
	switch m.tool {
	case "congkhai":
		if _, err := os.Stat(filepath.Join(out, "tim-kiem", "index.html")); err != nil {
			m.err = fmt.Errorf("congkhai wrote no tim-kiem/index.html: %w", err)
			return
		}
		m.indexBytes, m.indexFiles, m.err = congkhaiIndexSize(out)
		if m.err != nil {
			return
		}
		m.coreBytes = m.indexBytes
		m.indexTime, m.err = timeSearchFiles(contentDir)
		if m.err != nil {
			return
		}
	case "pagefind":
		m.indexBytes, m.coreBytes, m.indexFiles, m.err = pagefindSize(out)
		if m.err != nil {
			return
		}
	}
	ctx, cancel := context.WithTimeout(browser(b), 3*time.Minute)
	defer cancel()
	drv := driverFor(m.tool, srv)
	if m.q1, m.err = drv.first(ctx, firstQuery); m.err != nil {
		m.err = fmt.Errorf("first query: %w", m.err)
		return
	}
	if m.q2, m.err = drv.next(ctx, secondQuery); m.err != nil {
		m.err = fmt.Errorf("second query: %w", m.err)
		return
	}
	for _, q := range []struct {
		name string
		t    transfer
	}{{"first", m.q1}, {"second", m.q2}} {
		b.Logf("%s %s query: %d bytes in %d requests: %s", m.tool, q.name, q.t.bytes, q.t.requests, strings.Join(q.t.paths, " "))
	}
	m.recall = measureRecall(ctx, drv, out, queries)
}

// --- the large site ---------------------------------------------------------------

// makeLargeSite writes the large site's content into dir/content: the example site with the
// whole national catalogue instead of the province's share (as BenchmarkBuildFullCatalogue)
// and largePetitions generated petitions. The same code gives the same files.
func makeLargeSite(b *testing.B, dir string) string {
	b.Helper()
	start := time.Now()
	contentDir, _ := fullCatalogue(b, dir)
	site, err := generator.Check(context.Background(), generator.Options{Content: os.DirFS(contentDir), AsOf: asOf})
	if err != nil {
		b.Fatal(err)
	}
	files, err := generatePetitions(site, largePetitions, 1)
	if err != nil {
		b.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(contentDir, "pakn", name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("large: content written in %v (%d procedures, %d petitions)", time.Since(start).Round(time.Millisecond), len(site.Procedures), len(site.Petitions)+len(files))
	return contentDir
}

// petitionGen writes illustrative petitions shaped like those of content/pakn: about the
// procedures of the catalogue, sent to the agency that handles them, received on working
// days since the 2025 reorganisation (when the wards named in the registry came to be).
type petitionGen struct {
	rng    *rand.Rand
	site   *model.Site
	procs  []*model.Procedure
	wards  []*model.Agency
	byKey  map[string]*model.Agency
	days   []schedule.Date // working days petitions may be received on
	docNum int
}

// fieldAgencies sends a procedure whose registry agency is not known to the department
// of its field (lower-case words of the field's name); the first match wins.
var fieldAgencies = []struct{ words, agency string }{
	{"hộ tịch|chứng thực|tư pháp|luật sư|công chứng|quốc tịch|lý lịch|trợ giúp pháp lý|giám định|đấu giá|hòa giải|thừa phát lại|bồi thường nhà nước|nuôi con nuôi", "an-giang/so-tu-phap"},
	{"cư trú|căn cước|xuất nhập cảnh|phòng cháy|an ninh|trật tự|con dấu|vũ khí", "an-giang/cong-an-tinh"},
	{"đất đai|môi trường|tài nguyên|nông nghiệp|thủy sản|lâm nghiệp|trồng trọt|chăn nuôi|thú y|thủy lợi|bảo vệ thực vật|khí tượng|biển|đo đạc|địa chất|khoáng sản|nông thôn|phòng, chống thiên tai|kinh tế hợp tác", "an-giang/so-nn-mt"},
	{"xây dựng|giao thông|nhà ở|quy hoạch|kiến trúc|đường bộ|đường thủy|đăng kiểm|hạ tầng|bất động sản", "an-giang/so-xay-dung"},
	{"y tế|dược|khám bệnh|chữa bệnh|an toàn thực phẩm|dân số|trang thiết bị|mỹ phẩm|phòng bệnh|bảo trợ xã hội|trẻ em|phòng, chống tệ nạn", "an-giang/so-y-te"},
	{"giáo dục|đào tạo|thi, tuyển sinh|văn bằng|giáo dục nghề nghiệp", "an-giang/so-gddt"},
	{"văn hóa|thể dục|thể thao|du lịch|gia đình|di sản|mỹ thuật|nghệ thuật|biểu diễn|thư viện|điện ảnh|báo chí|xuất bản|quảng cáo|phát thanh|truyền hình", "an-giang/so-vhttdl"},
	{"công thương|thương mại|điện|hóa chất|xăng dầu|khí|công nghiệp|an toàn đập|kinh doanh|xúc tiến|lưu thông|quản lý cạnh tranh|vật liệu nổ", "an-giang/so-cong-thuong"},
	{"đầu tư|doanh nghiệp|tài chính|ngân sách|thuế|giá|tài sản công|hộ kinh doanh|hợp tác xã|đấu thầu|thống kê|kho bạc|hải quan|bảo hiểm", "an-giang/so-tai-chinh"},
	{"nội vụ|lao động|việc làm|tiền lương|người có công|công chức|viên chức|thi đua|khen thưởng|văn thư|lưu trữ|tổ chức|chính quyền địa phương|thanh niên|an toàn, vệ sinh lao động|hội|quỹ", "an-giang/so-noi-vu"},
	{"khoa học|công nghệ|thông tin|bưu chính|viễn thông|tần số|sở hữu trí tuệ|tiêu chuẩn|đo lường|chất lượng|năng lượng nguyên tử|chuyển đổi số|an toàn bức xạ", "an-giang/so-khcn"},
	{"dân tộc|tôn giáo|tín ngưỡng", "an-giang/so-dan-toc-ton-giao"},
	{"thanh tra|khiếu nại|tố cáo|tiếp công dân|phòng, chống tham nhũng", "an-giang/thanh-tra-tinh"},
}

func newPetitionGen(site *model.Site, seed uint64) (*petitionGen, error) {
	g := &petitionGen{rng: rand.New(rand.NewPCG(seed, 0x636f6e676b686169)), site: site, byKey: map[string]*model.Agency{}}
	for _, a := range site.Agencies {
		g.byKey[a.Key] = a
		if a.Authority.ID == "an-giang" && a.Level.Level == vocab.Commune && !a.Group() && a.Successor == nil {
			g.wards = append(g.wards, a)
		}
	}
	for _, fa := range fieldAgencies {
		if a := g.byKey[fa.agency]; a == nil || a.Successor != nil {
			return nil, fmt.Errorf("agency %s is not in the registry (or has a successor)", fa.agency)
		}
	}
	for _, k := range []string{"an-giang/trung-tam-pvhcc", "an-giang/vp-ubnd"} {
		if g.byKey[k] == nil {
			return nil, fmt.Errorf("agency %s is not in the registry", k)
		}
	}
	if len(g.wards) == 0 {
		return nil, errors.New("no ward (level xa) agencies of an-giang in the registry")
	}
	// Petitions concern what the province and its communes handle.
	for _, p := range site.Procedures {
		if slices.ContainsFunc(p.Levels, func(l vocab.ProcedureLevel) bool {
			return l.Level == vocab.Province || l.Level == vocab.District || l.Level == vocab.Commune
		}) {
			g.procs = append(g.procs, p)
		}
	}
	if len(g.procs) == 0 {
		return nil, errors.New("no procedure at provincial or communal level")
	}
	last := site.AsOf.AddDays(-1)
	for d := schedule.D(2025, time.July, 1); !d.After(last); d = d.AddDays(1) {
		if site.Calendar.IsWorkingDay(d) {
			g.days = append(g.days, d)
		}
	}
	return g, nil
}

// generatePetitions returns n petition files by file name, numbered per year in order of
// receipt (2025-0001.toml, ...), next to the illustrative ones already in the site.
func generatePetitions(site *model.Site, n int, seed uint64) (map[string][]byte, error) {
	g, err := newPetitionGen(site, seed)
	if err != nil {
		return nil, err
	}
	type rec struct {
		received schedule.Date
		i        int
	}
	recs := make([]rec, n)
	for i := range recs {
		recs[i] = rec{g.days[g.rng.IntN(len(g.days))], i}
	}
	slices.SortFunc(recs, func(a, b rec) int { return cmp.Or(a.received.Compare(b.received), cmp.Compare(a.i, b.i)) })
	files := map[string][]byte{}
	perYear := map[int]int{}
	for _, r := range recs {
		perYear[r.received.Year]++
		name := fmt.Sprintf("%d-%04d.toml", r.received.Year, perYear[r.received.Year])
		files[name] = g.petition(r.received)
	}
	return files, nil
}

var (
	familyNames  = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Trương", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Châu", "Thạch", "Danh", "Lâm", "Tô"}
	middleNames  = []string{"Văn", "Thị", "Minh", "Thị Ngọc", "Hoàng", "Thanh", "Quốc", "Thị Kim", "Hữu", "Ngọc", "Đức", "Thị Thu"}
	givenNames   = []string{"Hùng", "Lan", "Phúc", "Hân", "Tâm", "Sang", "Trang", "Khoa", "Nhân", "Mai", "Dũng", "Vy", "Tài", "Hạnh", "Lộc", "Thảo", "Bảo", "Nga", "Kiệt", "Yến", "Sơn", "Linh"}
	firmNames    = []string{"Công ty TNHH Minh Phát", "Công ty cổ phần Phú Thịnh", "Hợp tác xã nông nghiệp Tân Tiến", "Công ty TNHH thương mại Kim Ngân", "Doanh nghiệp tư nhân Hưng Long", "Công ty TNHH Mekong Xanh", "Công ty cổ phần xây dựng Thành Đạt", "Hợp tác xã thủy sản Phước An"}
	streets      = []string{"Trần Hưng Đạo", "Nguyễn Trãi", "Lê Lợi", "Hùng Vương", "Tôn Đức Thắng", "Nguyễn Huệ", "Lý Thái Tổ", "Hai Bà Trưng", "Mạc Cửu", "Phạm Hồng Thái"}
	extraPapers  = []string{"giấy xác nhận thông tin về cư trú", "bản sao có chứng thực thẻ căn cước", "giấy xác nhận của tổ trưởng tổ dân phố", "bản sao sổ hộ khẩu", "giấy ủy quyền có công chứng dù tôi trực tiếp đi nộp", "bản sao có chứng thực giấy khai sinh"}
	portalFaults = []struct{ fault, cause string }{
		{"không tải được tệp đính kèm", "giới hạn dung lượng tệp đính kèm của biểu mẫu điện tử đặt thấp hơn quy định"},
		{"không thanh toán được lệ phí trực tuyến", "lỗi kết nối giữa Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh và nền tảng thanh toán trực tuyến"},
		{"không đồng bộ được thông tin từ Cơ sở dữ liệu quốc gia về dân cư", "gián đoạn kết nối với Cơ sở dữ liệu quốc gia về dân cư trong thời gian nâng cấp hệ thống"},
		{"không ký số được tờ khai", "chứng thư số của biểu mẫu chưa được cập nhật sau khi đổi tên cơ quan"},
	}
	refusals = []string{
		"đề nghị giải quyết nhanh một hồ sơ cụ thể đang còn trong thời hạn giải quyết",
		"khiếu nại một quyết định hành chính cụ thể",
		"tố cáo hành vi của cán bộ, công chức",
		"nội dung trùng với phản ánh đã được trả lời, không có thông tin, tài liệu mới",
	}
	closings = []string{
		"Cảm ơn Ông/Bà đã quan tâm, phản ánh để công tác giải quyết thủ tục hành chính ngày càng tốt hơn.",
		"Mọi vướng mắc tiếp theo, đề nghị Ông/Bà liên hệ Bộ phận Một cửa hoặc gửi qua Cổng Dịch vụ công để được hướng dẫn.",
		"Cơ quan xin lỗi Ông/Bà vì sự phiền hà đã gây ra.",
		"Nội dung trả lời này đã được đăng tải công khai trên Cổng Dịch vụ công của tỉnh.",
	}
	channelWeights = []struct {
		channel string
		weight  int
	}{{"cong-dich-vu-cong", 40}, {"truc-tiep", 20}, {"dien-thoai", 12}, {"thu-dien-tu", 10}, {"buu-chinh", 10}, {"hop-thu", 8}}
)

// petitionSubjects are the subjects, by the template number petition uses: 0-5 are
// phản ánh, 6-10 kiến nghị. %s is the procedure's name.
var petitionSubjects = []string{
	"Hồ sơ %s bị yêu cầu bổ sung nhiều lần",
	"Quá hạn trả kết quả %s",
	"Bị yêu cầu nộp giấy tờ ngoài thành phần hồ sơ khi làm thủ tục %s",
	"Không nộp được hồ sơ trực tuyến thủ tục %s",
	"Thu phí, lệ phí không đúng quy định khi giải quyết %s",
	"Hướng dẫn không thống nhất về thủ tục %s",
	"Kiến nghị rút ngắn thời hạn giải quyết thủ tục %s",
	"Kiến nghị cung cấp dịch vụ công trực tuyến toàn trình cho thủ tục %s",
	"Kiến nghị công khai đầy đủ mẫu đơn, tờ khai của thủ tục %s",
	"Kiến nghị cắt giảm thành phần hồ sơ của thủ tục %s",
	"Kiến nghị cho nộp hồ sơ, nhận kết quả %s qua bưu chính công ích",
}

func (g *petitionGen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// agencyFor is the agency that answers petitions about p.
func (g *petitionGen) agencyFor(p *model.Procedure) *model.Agency {
	var known []*model.Agency
	for _, pa := range p.Agencies {
		if a := pa.Agency; a != nil && !a.Group() && a.Successor == nil && a.Authority.ID == "an-giang" && a.Level.Level != vocab.Central && (pa.Role == vocab.RoleDeciding || pa.Role == vocab.RoleImplementing) {
			known = append(known, a)
		}
	}
	if len(known) > 0 {
		return known[g.rng.IntN(len(known))]
	}
	has := func(l vocab.Level) bool { return slices.Contains(p.Levels, vocab.ProcedureLevel{Level: l}) }
	communal := has(vocab.Commune) || has(vocab.District)
	if communal && (!has(vocab.Province) || g.rng.IntN(3) > 0) {
		return g.wards[g.rng.IntN(len(g.wards))]
	}
	return g.fieldAgency(p)
}

// fieldAgency is the department of p's field, else the provincial public service centre.
func (g *petitionGen) fieldAgency(p *model.Procedure) *model.Agency {
	field := strings.ToLower(p.Field.Name)
	for _, fa := range fieldAgencies {
		for w := range strings.SplitSeq(fa.words, "|") {
			if strings.Contains(field, w) {
				return g.byKey[fa.agency]
			}
		}
	}
	return g.byKey["an-giang/trung-tam-pvhcc"]
}

var wardPrefix = regexp.MustCompile(`^(?:Ủy ban nhân dân|UBND) `)

// place is where an agency sits, in words: "phường Long Xuyên", else the province.
func place(a *model.Agency) string {
	if a.Level.Level == vocab.Commune {
		if s := wardPrefix.ReplaceAllString(a.Name, ""); s != a.Name {
			return s
		}
	}
	return "tỉnh An Giang"
}

func (g *petitionGen) petition(received schedule.Date) []byte {
	p := g.procs[g.rng.IntN(len(g.procs))]
	a := g.agencyFor(p)
	tmpl := g.rng.IntN(6)
	kind := "phan-anh"
	if g.rng.IntN(5) < 2 {
		tmpl, kind = 6+g.rng.IntN(5), "kien-nghi"
	}
	name := procName(p.Name)
	subject := fmt.Sprintf(petitionSubjects[tmpl], name)

	// Status and the day of the answer, in working days after receipt.
	cal := g.site.Calendar
	last := g.site.AsOf.AddDays(-1)
	status, delay := "da-tra-loi", 2+g.rng.IntN(8)
	switch r := g.rng.IntN(100); {
	case r < 7:
		status, delay = "chuyen", 1+g.rng.IntN(3)
	case r < 10:
		status, delay = "tu-choi", 2+g.rng.IntN(5)
	case r < 13:
		status = "dang-xu-ly"
	case r < 28:
		delay = 11 + g.rng.IntN(10) // answered late
	}
	var answered schedule.Date
	if status != "dang-xu-ly" {
		answered = cal.AddWorkingDays(received, delay)
		if answered.After(last) {
			status, answered = "dang-xu-ly", schedule.Date{}
		}
	}
	// A petition is forwarded to the department of the procedure's field.
	var target *model.Agency
	if status == "chuyen" {
		target = g.fieldAgency(p)
		for target == a {
			target = g.byKey[fieldAgencies[g.rng.IntN(len(fieldAgencies))].agency]
		}
	}

	// The petitioner: a person or, for procedures of organisations, a firm's representative.
	person := g.pick(familyNames) + " " + g.pick(middleNames) + " " + g.pick(givenNames)
	phone := fmt.Sprintf("09%d%d %03d %03d", g.rng.IntN(10), g.rng.IntN(10), g.rng.IntN(1000), g.rng.IntN(1000))
	home := g.wards[g.rng.IntN(len(g.wards))]
	if a.Level.Level == vocab.Commune {
		home = a
	}
	addr := fmt.Sprintf("số %d đường %s, %s", 1+g.rng.IntN(300), g.pick(streets), place(home))
	firm := ""
	if !slices.ContainsFunc(p.Subjects, func(s string) bool {
		s = strings.ToLower(s)
		return strings.Contains(s, "cá nhân") || strings.Contains(s, "công dân") || strings.Contains(s, "người")
	}) && len(p.Subjects) > 0 {
		firm = g.pick(firmNames)
	}
	var q strings.Builder
	switch {
	case firm != "":
		fmt.Fprintf(&q, "Tôi là %s, đại diện %s, trụ sở tại %s, điện thoại %s. ", person, firm, addr, phone)
	case g.rng.IntN(4) == 0:
		fmt.Fprintf(&q, "Tôi là người dân ở %s. ", place(home))
	case g.rng.IntN(2) == 0:
		fmt.Fprintf(&q, "Tôi là %s, ngụ %s, SĐT %s. ", person, addr, phone)
	default:
		fmt.Fprintf(&q, "Tôi tên %s, CCCD số 0%02d%d%08d, nhà ở %s. ", person, 89+g.rng.IntN(3), g.rng.IntN(4), g.rng.IntN(100000000), addr)
	}
	visit := workingDaysBefore(cal, received, 3+g.rng.IntN(15))
	where := "Bộ phận Một cửa " + place(a)
	if a.Level.Level != vocab.Commune {
		where = "Trung tâm Phục vụ hành chính công tỉnh"
	}
	time1, fee := procTime(p), procFee(p)
	dossier := procDossier(p)
	k := 2 + g.rng.IntN(3)
	extra := g.pick(extraPapers)
	fault := portalFaults[g.rng.IntN(len(portalFaults))]
	charged := 50 + 10*g.rng.IntN(20)
	switch tmpl {
	case 0:
		fmt.Fprintf(&q, "Ngày %s tôi nộp hồ sơ %s tại %s. Sau đó tôi nhận %d lần thông báo bổ sung, mỗi lần yêu cầu một loại giấy tờ khác nhau, trong khi thành phần hồ sơ đã công bố chỉ gồm %s.\n\nĐề nghị cơ quan hướng dẫn một lần, đầy đủ để người dân không phải đi lại nhiều lần.", dateVN(visit), name, where, k, dossier)
	case 1:
		fmt.Fprintf(&q, "Ngày %s tôi nộp hồ sơ %s tại %s, phiếu hẹn trả kết quả ngày %s. Theo thủ tục đã công bố, thời hạn giải quyết là %s, nhưng đến nay đã quá hẹn mà chưa có kết quả, cũng không nhận được văn bản xin lỗi và hẹn lại.\n\nĐề nghị cho biết lý do chậm trễ và ngày trả kết quả.", dateVN(visit), name, where, dateVN(cal.AddWorkingDays(visit, 2+g.rng.IntN(5))), time1)
	case 2:
		fmt.Fprintf(&q, "Ngày %s tôi đến %s làm thủ tục %s. Cán bộ tiếp nhận yêu cầu tôi nộp thêm %s, trong khi giấy tờ này không có trong thành phần hồ sơ đã niêm yết.\n\nXin hỏi yêu cầu này có đúng quy định không? Nếu không, đề nghị hướng dẫn lại cho đúng.", dateVN(visit), where, name, extra)
	case 3:
		fmt.Fprintf(&q, "Tôi nộp hồ sơ %s trên Cổng Dịch vụ công quốc gia nhưng hệ thống báo lỗi, %s, thử lại nhiều lần từ ngày %s vẫn không được. Gọi tổng đài hỗ trợ thì được hướng dẫn đến nộp trực tiếp tại %s.\n\nĐề nghị khắc phục lỗi để người dân nộp hồ sơ trực tuyến được.", name, fault.fault, dateVN(visit), where)
	case 4:
		fmt.Fprintf(&q, "Ngày %s khi làm thủ tục %s tại %s, tôi bị thu %d.000 đồng nhưng biên lai chỉ ghi %d.000 đồng. Mức phí, lệ phí đã công bố của thủ tục là: %s.\n\nĐề nghị làm rõ khoản thu chênh lệch.", dateVN(visit), name, where, charged, charged/2, fee)
	case 5:
		fmt.Fprintf(&q, "Tôi hỏi về thủ tục %s tại %s và qua tổng đài 1022 thì nhận được hai hướng dẫn khác nhau về thành phần hồ sơ và thời hạn giải quyết (%s).\n\nĐề nghị thống nhất hướng dẫn và niêm yết rõ tại nơi tiếp nhận hồ sơ.", name, where, time1)
	case 6:
		fmt.Fprintf(&q, "Thủ tục %s hiện có thời hạn giải quyết %s. Nhiều bước có thể làm song song hoặc liên thông điện tử giữa các cơ quan.\n\nTôi kiến nghị rút ngắn thời hạn giải quyết thủ tục này.", name, time1)
	case 7:
		fmt.Fprintf(&q, "Thủ tục %s hiện %s. Người ở xa như tôi phải đi lại nhiều lần để nộp hồ sơ và nhận kết quả.\n\nKiến nghị cung cấp dịch vụ công trực tuyến toàn trình cho thủ tục này.", name, onlineText(p.Online.Key()))
	case 8:
		fmt.Fprintf(&q, "Trên Cổng Dịch vụ công và tại %s không có mẫu đơn, tờ khai của thủ tục %s; người dân phải tự soạn và thường bị trả lại vì sai mẫu.\n\nKiến nghị công khai đầy đủ các mẫu đơn, tờ khai kèm hướng dẫn điền.", where, name)
	case 9:
		fmt.Fprintf(&q, "Thành phần hồ sơ thủ tục %s gồm %s. Nhiều thông tin trong đó đã có trong Cơ sở dữ liệu quốc gia về dân cư.\n\nKiến nghị cắt giảm các giấy tờ cơ quan giải quyết có thể tự khai thác.", name, dossier)
	case 10:
		fmt.Fprintf(&q, "Tôi làm việc xa nhà, mỗi lần làm thủ tục %s phải nghỉ làm để đến %s.\n\nKiến nghị cho phép nộp hồ sơ và nhận kết quả qua dịch vụ bưu chính công ích.", name, where)
	}

	var ans strings.Builder
	switch status {
	case "da-tra-loi":
		fmt.Fprintf(&ans, "%s trả lời như sau:\n\n1. Thủ tục %s (mã %s) thuộc lĩnh vực %s", a.Name, name, p.Code, p.Field.Name)
		if len(p.LegalBases) > 0 {
			lb := p.LegalBases[g.rng.IntN(len(p.LegalBases))]
			basis := cmp.Or(lb.Number, lb.Title)
			if lb.Number != "" && lb.Title != "" && len(lb.Title) < 160 {
				basis = strings.TrimRight(lb.Title, ". ") + " (" + lb.Number + ")"
			}
			fmt.Fprintf(&ans, ", thực hiện theo %s", basis)
		}
		fmt.Fprintf(&ans, "; thời hạn giải quyết %s; phí, lệ phí: %s.\n2. ", time1, fee)
		switch tmpl {
		case 0:
			fmt.Fprintf(&ans, "Qua kiểm tra, hồ sơ của Ông/Bà bị yêu cầu bổ sung %d lần là không đúng quy định về hướng dẫn một lần, đầy đủ. Cơ quan đã chấn chỉnh công chức tiếp nhận và tiếp nhận lại hồ sơ.", k)
		case 1:
			fmt.Fprintf(&ans, "Hồ sơ chậm do phải xác minh thông tin với cơ quan liên quan. Cơ quan đã gửi văn bản xin lỗi và trả kết quả cho Ông/Bà ngày %s.", dateVN(answered))
		case 2:
			fmt.Fprintf(&ans, "Thành phần hồ sơ của thủ tục **không có** %s. Việc yêu cầu nộp thêm là không đúng quy định; cơ quan đã nhắc nhở công chức và tiếp nhận hồ sơ không cần bổ sung.", extra)
		case 3:
			fmt.Fprintf(&ans, "Lỗi phát sinh do %s; cơ quan đã phối hợp với đơn vị vận hành khắc phục từ ngày %s. Ông/Bà có thể nộp lại hồ sơ trực tuyến.", fault.cause, dateVN(workingDaysBefore(cal, answered, 1)))
		case 4:
			fmt.Fprintf(&ans, "Khoản thu chênh lệch %d.000 đồng là không đúng quy định và đã được hoàn trả cho Ông/Bà; người thu đã bị kiểm điểm.", charged-charged/2)
		case 5:
			ans.WriteString("Cơ quan đã thống nhất nội dung hướng dẫn theo thủ tục đã công bố và niêm yết lại tại nơi tiếp nhận hồ sơ và trên Cổng Dịch vụ công của tỉnh.")
		case 6, 9:
			fmt.Fprintf(&ans, "Nội dung này được quy định tại văn bản quy phạm pháp luật của trung ương nên địa phương chưa thể tự điều chỉnh. Cơ quan ghi nhận kiến nghị và sẽ đề xuất trong kế hoạch rà soát, đánh giá thủ tục hành chính năm %d.", answered.Year+1)
		case 7:
			ans.WriteString("Cơ quan ghi nhận kiến nghị và đã đề nghị Văn phòng UBND tỉnh đưa thủ tục vào danh mục cung cấp dịch vụ công trực tuyến toàn trình trong đợt rà soát tới.")
		case 8:
			ans.WriteString("Các mẫu đơn, tờ khai của thủ tục đã được cập nhật trên Cổng Dịch vụ công và niêm yết tại nơi tiếp nhận hồ sơ.")
		case 10:
			ans.WriteString("Thủ tục đã tiếp nhận hồ sơ và trả kết quả qua dịch vụ bưu chính công ích; Ông/Bà đăng ký khi nộp hồ sơ hoặc qua tổng đài của bưu điện.")
		}
		ans.WriteString("\n\n" + g.pick(closings))
	case "chuyen":
		fmt.Fprintf(&ans, "%s thông báo:\n\nNội dung phản ánh, kiến nghị về thủ tục %s (mã %s) không thuộc thẩm quyền giải quyết của %s. Căn cứ Nghị định 20/2008/NĐ-CP về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính, cơ quan đã chuyển đến **%s** để xem xét, trả lời theo thẩm quyền, và đã thông báo việc chuyển cho Ông/Bà.", a.Name, name, p.Code, a.ShortName(), target.Name)
	case "tu-choi":
		fmt.Fprintf(&ans, "%s thông báo:\n\nNội dung Ông/Bà gửi là %s, không phải phản ánh, kiến nghị về quy định hành chính nên không thuộc phạm vi tiếp nhận, xử lý theo Nghị định 20/2008/NĐ-CP. Cơ quan không thụ lý theo quy trình xử lý phản ánh, kiến nghị và đã hướng dẫn Ông/Bà gửi đến cơ quan có thẩm quyền.", a.Name, g.pick(refusals))
	}

	var buf bytes.Buffer
	buf.WriteString("# Phản ánh, kiến nghị MINH HỌA do BenchmarkSearchVsPagefind sinh ra: người gửi, nội dung và câu trả lời đều không có thật.\n\n")
	fmt.Fprintf(&buf, "received = %s\n", received)
	fmt.Fprintf(&buf, "channel = %q\n", g.channel())
	fmt.Fprintf(&buf, "kind = %q\n", kind)
	buf.WriteString("subject = ")
	tomltext.Basic(&buf, subject)
	fmt.Fprintf(&buf, "\nprocedure = %q\n", p.Code)
	fmt.Fprintf(&buf, "agencies = [%q", a.Key)
	if target != nil {
		fmt.Fprintf(&buf, ", %q", target.Key)
	}
	buf.WriteString("]\n")
	fmt.Fprintf(&buf, "status = %q\n", status)
	if !answered.IsZero() {
		fmt.Fprintf(&buf, "answered = %s\n", answered)
	}
	buf.WriteString("illustrative = true\nquestion = ")
	tomltext.Multiline(&buf, q.String())
	buf.WriteString("\n")
	if ans.Len() > 0 {
		buf.WriteString("answer = ")
		tomltext.Multiline(&buf, ans.String())
		buf.WriteString("\n")
	}
	if status == "da-tra-loi" && g.rng.IntN(2) == 0 {
		g.docNum++
		buf.WriteString("\n[[document]]\ntitle = ")
		tomltext.Basic(&buf, "Văn bản trả lời phản ánh, kiến nghị")
		fmt.Fprintf(&buf, "\nnumber = \"%d/TL-PAKN\"\ndate = %s\n", 100+g.docNum%900, answered)
	}
	buf.WriteString("\n[petitioner]\nname = ")
	tomltext.Basic(&buf, person)
	fmt.Fprintf(&buf, "\nphone = %q\naddress = ", phone)
	tomltext.Basic(&buf, addr)
	buf.WriteString("\n")
	return buf.Bytes()
}

func (g *petitionGen) channel() string {
	total := 0
	for _, c := range channelWeights {
		total += c.weight
	}
	n := g.rng.IntN(total)
	for _, c := range channelWeights {
		if n < c.weight {
			return c.channel
		}
		n -= c.weight
	}
	return channelWeights[0].channel
}

// procName is a procedure's name as it reads after "thủ tục": "đăng ký kết hôn".
func procName(name string) string {
	name = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(name, "Thủ tục "), "thủ tục "))
	name = strings.TrimRight(name, ". ")
	if r := []rune(name); len(r) > 1 && !isUpperRune(r[1]) {
		return strings.ToLower(string(r[:1])) + string(r[1:])
	}
	return name
}

func isUpperRune(r rune) bool {
	return strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
}

func procTime(p *model.Procedure) string {
	for _, m := range p.Methods {
		t := strings.TrimSpace(m.Time)
		if t == "" {
			continue
		}
		if _, err := strconv.Atoi(t); err == nil {
			return t + " ngày làm việc"
		}
		if len(t) > 120 {
			continue
		}
		return strings.ToLower(t[:1]) + t[1:]
	}
	return "theo quy định"
}

func procFee(p *model.Procedure) string {
	for _, m := range p.Methods {
		f, _, _ := strings.Cut(m.Fee, "(")
		if f = strings.TrimSpace(f); f != "" && len(f) < 100 {
			return strings.ToLower(f[:1]) + f[1:]
		}
	}
	return "không thu"
}

func procDossier(p *model.Procedure) string {
	var names []string
	for _, d := range p.Dossier {
		n := strings.TrimRight(strings.TrimSpace(strings.TrimPrefix(d.Name, "- ")), ".;")
		if n == "" || len(n) > 110 || strings.ContainsAny(n, "\n*_`[]") {
			continue
		}
		names = append(names, strings.ToLower(n[:1])+n[1:])
		if len(names) == 2 {
			break
		}
	}
	if len(names) == 0 {
		return "các giấy tờ đã niêm yết"
	}
	return strings.Join(names, "; ")
}

func onlineText(level string) string {
	switch level {
	case "toan-trinh":
		return "đã có dịch vụ công trực tuyến nhưng hay bị lỗi khi nộp"
	case "mot-phan", "co":
		return "chỉ nộp trực tuyến được một phần, vẫn phải đến nộp bản giấy và nhận kết quả trực tiếp"
	}
	return "chưa có dịch vụ công trực tuyến"
}

// workingDaysBefore is the n-th working day before d.
func workingDaysBefore(cal *schedule.Calendar, d schedule.Date, n int) schedule.Date {
	for n > 0 {
		d = d.AddDays(-1)
		if cal.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

func dateVN(d schedule.Date) string { return fmt.Sprintf("%d/%d/%d", d.Day, int(d.Month), d.Year) }

// --- indexing and sizes -------------------------------------------------------------

// timeSearchFiles times render.SearchFiles on the model of the content: the index alone.
func timeSearchFiles(contentDir string) (time.Duration, error) {
	site, err := generator.Check(context.Background(), generator.Options{Content: os.DirFS(contentDir), AsOf: asOf})
	if err != nil {
		return 0, err
	}
	runtime.GC()
	start := time.Now()
	files, err := render.SearchFiles(site)
	d := time.Since(start)
	if err == nil && len(files) == 0 {
		err = errors.New("render.SearchFiles returned no file")
	}
	return d, err
}

// congkhaiIndexSize is the size of tim-kiem/ without its page, and of the search script.
func congkhaiIndexSize(out string) (size int64, files int, err error) {
	err = filepath.WalkDir(filepath.Join(out, "tim-kiem"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if rel, _ := filepath.Rel(out, p); filepath.ToSlash(rel) == "tim-kiem/index.html" {
			return nil
		}
		info, err := d.Info()
		if err == nil {
			size += info.Size()
			files++
		}
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	scripts, _ := filepath.Glob(filepath.Join(out, "assets", "search.*.js"))
	if len(scripts) != 1 {
		return 0, 0, fmt.Errorf("%d files assets/search.*.js, want 1", len(scripts))
	}
	info, err := os.Stat(scripts[0])
	if err != nil {
		return 0, 0, err
	}
	return size + info.Size(), files + 1, nil
}

// pagefindUI are Pagefind's optional user-interface bundles: a site that calls the
// JavaScript API (as the benchmark does) can leave them out.
var pagefindUI = regexp.MustCompile(`^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$`)

func pagefindSize(out string) (total, core int64, files int, err error) {
	dir := filepath.Join(out, "pagefind")
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += info.Size()
		files++
		if !pagefindUI.MatchString(d.Name()) || filepath.Dir(p) != dir {
			core += info.Size()
		}
		return nil
	})
	return total, core, files, err
}

var pagefindFinished = regexp.MustCompile(`Finished in ([0-9.]+) seconds`)

// runPagefind indexes the built site with the pinned Pagefind, as a user would: npx
// pagefind --site DIR. It returns the wall time and the time Pagefind reports.
func runPagefind(site string) (wall, reported time.Duration, err error) {
	abs, err := filepath.Abs(site)
	if err != nil {
		return 0, 0, err
	}
	cmd := exec.Command("npx", "--no-install", "pagefind", "--site", abs)
	cmd.Dir = benchDir
	start := time.Now()
	outb, err := cmd.CombinedOutput()
	wall = time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("npx pagefind: %v\n%s", err, outb)
	}
	if m := pagefindFinished.FindSubmatch(outb); m != nil {
		s, _ := strconv.ParseFloat(string(m[1]), 64)
		reported = time.Duration(s * float64(time.Second))
	}
	return wall, reported, nil
}

func ensurePagefind() error {
	if _, err := os.Stat(filepath.Join(benchDir, "node_modules", "pagefind", "package.json")); err == nil {
		return nil
	}
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir = benchDir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("npm ci: %v\n%s", err, out)
	}
	return nil
}

// --- the server -----------------------------------------------------------------------

// siteServer serves a built site under a subpath the way a static host would: text
// gzip-compressed when the browser accepts it, everything else (Pagefind's pre-compressed
// index and wasm) as it is, with ETags. It counts the body bytes it sends, per path.
type siteServer struct {
	*httptest.Server
	root   string
	prefix string // the subpath the site is served under

	mu    sync.Mutex
	sent  map[string]int64 // site-relative path -> body bytes sent
	reqs  map[string]int
	last  time.Time
	cache map[string]*servedFile
}

type servedFile struct {
	data, gz []byte
	etag     string
	mod      time.Time
}

var compressible = map[string]bool{".html": true, ".js": true, ".css": true, ".json": true, ".svg": true}

func newSiteServer(root, prefix string) *siteServer {
	s := &siteServer{root: root, prefix: prefix, cache: map[string]*servedFile{}}
	s.reset()
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

func (s *siteServer) url(rel string) string { return s.Server.URL + s.prefix + rel }

func (s *siteServer) serve(w http.ResponseWriter, r *http.Request) {
	rel, ok := strings.CutPrefix(r.URL.Path, s.prefix)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	f, err := s.file(rel)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	s.reqs[rel]++
	s.last = time.Now()
	s.mu.Unlock()
	ext := path.Ext(rel)
	body, etag := f.data, f.etag
	w.Header().Set("Vary", "Accept-Encoding")
	if compressible[ext] && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		body, etag = f.gz, f.etag+"-gz"
		w.Header().Set("Content-Encoding", "gzip")
	}
	if ext == ".js" {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	}
	w.Header().Set("ETag", `"`+etag+`"`)
	cw := &countingWriter{ResponseWriter: w}
	http.ServeContent(cw, r, path.Base(rel), f.mod, bytes.NewReader(body))
	s.mu.Lock()
	s.sent[rel] += cw.n
	s.last = time.Now()
	s.mu.Unlock()
}

// file reads (once) a file of the site, or the benchmark's Pagefind query page.
func (s *siteServer) file(rel string) (*servedFile, error) {
	s.mu.Lock()
	f := s.cache[rel]
	s.mu.Unlock()
	if f != nil {
		return f, nil
	}
	p := filepath.Join(s.root, filepath.FromSlash(rel))
	if rel == pagefindPage {
		p = filepath.Join(benchDir, pagefindPage)
	}
	if !fs.ValidPath(rel) {
		return nil, fs.ErrNotExist
	}
	info, err := os.Stat(p)
	if err != nil || info.IsDir() {
		return nil, fs.ErrNotExist
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	f = &servedFile{data: data, etag: hex.EncodeToString(sum[:8]), mod: info.ModTime()}
	if compressible[path.Ext(rel)] {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(data)
		zw.Close()
		f.gz = buf.Bytes()
	}
	s.mu.Lock()
	s.cache[rel] = f
	s.mu.Unlock()
	return f, nil
}

// take returns what was sent since the last reset, leaving out what matches skip, and
// resets the counters.
func (s *siteServer) take(skip func(rel string) bool) transfer {
	s.mu.Lock()
	defer s.mu.Unlock()
	var t transfer
	for rel, n := range s.sent {
		if skip(rel) {
			continue
		}
		t.bytes += n
		t.requests += s.reqs[rel]
		t.paths = append(t.paths, fmt.Sprintf("%s=%d", rel, n))
	}
	slices.Sort(t.paths)
	s.sent, s.reqs = map[string]int64{}, map[string]int{}
	return t
}

func (s *siteServer) reset() {
	s.mu.Lock()
	s.sent, s.reqs = map[string]int64{}, map[string]int{}
	s.mu.Unlock()
}

// quiet waits until nothing was requested for a while (at most a few seconds), so that
// what a client fetches after showing results is not counted for the next query.
func (s *siteServer) quiet() {
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		idle := time.Since(s.last)
		s.mu.Unlock()
		if idle > 400*time.Millisecond {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.ResponseWriter.Write(p)
	c.n += int64(n)
	return n, err
}

// --- the browser ----------------------------------------------------------------------

// searchDriver runs queries of one tool in the browser.
type searchDriver struct {
	srv *siteServer
	// page is the page that hosts the search; its HTML and CSS are not counted.
	page string
	// ready is a JavaScript function of the query: whether its results are shown (true),
	// failed (a string) or not yet (false).
	ready string
	// type_ starts a query in the loaded page; top returns the first urls of a query.
	type_, top string
}

func driverFor(tool string, srv *siteServer) *searchDriver {
	if tool == "congkhai" {
		return &searchDriver{
			srv:  srv,
			page: "tim-kiem/index.html",
			ready: `(q) => { const e = document.querySelector('#ket-qua');
				if (!e) return false;
				if (e.dataset.state === 'error') return 'error: ' + e.textContent;
				return e.dataset.state === 'done' && e.dataset.query === q; }`,
			type_: `(q) => { const i = document.querySelector('#q'); i.value = q;
				i.dispatchEvent(new Event('input', {bubbles: true})); return true; }`,
			top: `(q, n) => window.congkhaiSearch.query(q, {limit: n}).then(r => r.results.map(x => x.url))`,
		}
	}
	return &searchDriver{
		srv:  srv,
		page: pagefindPage,
		ready: `(q) => { const e = document.body;
			if (e.dataset.state === 'error') return 'error: ' + e.dataset.error;
			return e.dataset.state === 'done' && e.dataset.query === q; }`,
		type_: `(q) => { window.pagefindBench.query(q, 5); return true; }`,
		top:   `(q, n) => window.pagefindBench.query(q, n).then(r => r.results.map(x => x.url))`,
	}
}

func (d *searchDriver) skip(rel string) bool {
	return rel == d.page || path.Ext(rel) == ".css" || rel == "favicon.ico"
}

func jsCall(fn string, args ...any) string {
	var parts []string
	for _, a := range args {
		j, _ := json.Marshal(a)
		parts = append(parts, string(j))
	}
	return "(" + fn + ")(" + strings.Join(parts, ", ") + ")"
}

func (d *searchDriver) wait(ctx context.Context, q string) error {
	res, err := chromedp.Run(ctx, chromedp.Poll[any](jsCall(d.ready, q), chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(90*time.Second)))
	if err != nil {
		return err
	}
	if s, ok := res.(string); ok {
		return errors.New(s)
	}
	return nil
}

// first opens the search page with the query in its address and counts what it fetched
// until the results showed.
func (d *searchDriver) first(ctx context.Context, q string) (transfer, error) {
	u := d.srv.url(d.page) + "?q=" + strings.ReplaceAll(url.QueryEscape(q), "+", "%20")
	return d.measure(ctx, q, chromedp.Navigate(u))
}

// next runs another query in the same page and counts what it fetched.
func (d *searchDriver) next(ctx context.Context, q string) (transfer, error) {
	return d.measure(ctx, q, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](jsCall(d.type_, q))(ctx, t)
		return err
	}))
}

// measure counts what the page fetches from start until the results of q show, and what
// it fetches late, once the network is quiet.
func (d *searchDriver) measure(ctx context.Context, q string, start chromedp.Action[chromedp.Void]) (transfer, error) {
	d.srv.reset()
	if err := chromedp.Do(ctx, start); err != nil {
		return transfer{}, err
	}
	if err := d.wait(ctx, q); err != nil {
		return transfer{}, err
	}
	t := d.srv.take(d.skip)
	d.srv.quiet()
	t.late = d.srv.take(d.skip).bytes
	return t, nil
}

func (d *searchDriver) results(ctx context.Context, q string, n int) ([]string, error) {
	urls, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](jsCall(d.top, q, n), chromedp.EvalAwaitPromise))
	for i, u := range urls {
		urls[i] = siteRel(u)
	}
	return urls, err
}

// siteRel turns a result's address into a site-relative page path: "/site/thu-tuc/x/",
// "/thu-tuc/x/index.html" and "thu-tuc/x/index.html" all give "thu-tuc/x/index.html".
func siteRel(u string) string {
	if p, err := url.Parse(u); err == nil {
		u = p.Path
	}
	if rest, ok := strings.CutPrefix(u, sitePrefix); ok {
		u = rest
	}
	u = strings.TrimPrefix(u, "/")
	if u == "" || strings.HasSuffix(u, "/") {
		u += "index.html"
	}
	return u
}

// --- recall ---------------------------------------------------------------------------

// measureRecall runs every query and counts the expected pages among the first results.
// Expected pages the site does not have (the large site has other petitions) are left out.
func measureRecall(ctx context.Context, d *searchDriver, out string, queries []Query) recallResult {
	var r recallResult
	for _, q := range queries {
		got, err := d.results(ctx, q.Q, firstResults)
		if err != nil {
			got = []string{"error: " + err.Error()}
		}
		var missing []string
		for _, e := range q.Expect {
			e = siteRel(e)
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(e))); err != nil {
				r.dropped++
				continue
			}
			r.expected++
			if slices.Contains(got, e) {
				r.found++
			} else {
				missing = append(missing, e)
			}
		}
		r.queries++
		if len(missing) > 0 {
			r.misses = append(r.misses, miss{q: q.Q, missing: missing, returned: got})
		}
	}
	return r
}

// --- the report -----------------------------------------------------------------------

func printSearchTable(all []*searchMeasure) {
	var b strings.Builder
	b.WriteString("\nSearch: congkhai vs Pagefind (first query " + strconv.Quote(firstQuery) + ", second " + strconv.Quote(secondQuery) + "; bytes as sent, gzip where a server compresses)\n\n")
	fmt.Fprintf(&b, "%-8s %-9s %6s %11s %11s %7s %20s %20s %10s %14s\n", "site", "tool", "pages", "index", "(core)", "files", "1st query", "2nd query", "index time", "recall@5")
	for _, m := range all {
		if m.err != nil {
			fmt.Fprintf(&b, "%-8s %-9s %6d  failed: %v\n", m.site, m.tool, m.pages, firstLine(m.err))
			continue
		}
		rec := fmt.Sprintf("%.0f%% (%d/%d)", m.recall.percent(), m.recall.found, m.recall.expected)
		idxTime := fmt.Sprintf("%.2f s", m.indexTime.Seconds())
		fmt.Fprintf(&b, "%-8s %-9s %6d %11s %11s %7d %20s %20s %10s %14s\n", m.site, m.tool, m.pages,
			humanBytes(m.indexBytes), humanBytes(m.coreBytes), m.indexFiles,
			fmt.Sprintf("%s (%d req)", humanBytes(m.q1.bytes), m.q1.requests),
			fmt.Sprintf("%s (%d req)", humanBytes(m.q2.bytes), m.q2.requests), idxTime, rec)
	}
	b.WriteString("\nindex: congkhai tim-kiem/ (without its page) + assets/search.*.js; Pagefind pagefind/ (core: without its UI bundles).\n")
	b.WriteString("index time: congkhai render.SearchFiles on the model; Pagefind wall time of npx pagefind on the built HTML")
	b.WriteString(".\n")
	for _, m := range all {
		switch {
		case m.toolTime == 0:
		case m.tool == "pagefind":
			fmt.Fprintf(&b, "%s: Pagefind reports %.2f s of its own.\n", m.site, m.toolTime.Seconds())
		case m.tool == "congkhai":
			fmt.Fprintf(&b, "%s: the whole congkhai build (index included) took %.2f s.\n", m.site, m.toolTime.Seconds())
		}
	}
	for _, m := range all {
		if m.err != nil {
			continue
		}
		if m.q1.late+m.q2.late > 0 {
			fmt.Fprintf(&b, "%s/%s fetched %s after the first results and %s after the second (not counted).\n", m.site, m.tool, humanBytes(m.q1.late), humanBytes(m.q2.late))
		}
		if m.recall.dropped > 0 {
			fmt.Fprintf(&b, "%s/%s: %d expected pages are not in this site and were left out.\n", m.site, m.tool, m.recall.dropped)
		}
	}
	for _, m := range all {
		if m.err != nil || len(m.recall.misses) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\nmissed by %s on the %s site (%d of %d queries):\n", m.tool, m.site, len(m.recall.misses), m.recall.queries)
		for _, x := range m.recall.misses {
			fmt.Fprintf(&b, "  %q: expected %s; got [%s]\n", x.q, strings.Join(x.missing, ", "), strings.Join(x.returned, ", "))
		}
	}
	fmt.Print(b.String())
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.2f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
