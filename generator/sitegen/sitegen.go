// Package sitegen writes large synthetic sites: complete content folders in the format of
// content/ (README, "Content"), shaped like the real data, deterministically from a seed, at
// a requested number of pages. cmd/congkhai-bench builds them to measure the build at
// national scale; BenchmarkSearchVsPagefind takes its petitions from here.
//
// # Pages and records
//
// A size is a number of pages: the HTML pages a build makes of the content (README, "Site
// pages"). They come from the records thus:
//
//	6 fixed pages               home, plans, agencies, method, search, 404
//	plans, tasks                one page each; progress reports show on their task's page
//	agencies                    one page each, groups and central bodies included
//	procedures                  one page each, plus the catalogue's lists (all, each field,
//	                            level, online level and agency with procedures), 50 a page
//	petitions                   one page each, plus their lists (all, each status,
//	                            timeliness, year and agency with petitions), 50 a page
//	766 periods                 one page each, plus the 766 index page
//
// Write aims at Options.Pages with:
//
//	provinces   Pages/3,000 rounded, 1 to 34, An Giang first: each a registry like
//	            content/agencies/an-giang.toml of 38 provincial bodies (UBND, its chairman
//	            and office, the public service centre, the 11 departments of 2025 and the 6
//	            merged into them with their successors, police, inspectorate and others,
//	            groups, two central bodies) and 60-120 communes, wards and special zones;
//	years       up to four, ending with the as-of year (one for every 600 pages);
//	plans       two a province a year, kiểm soát TTHC and cải cách hành chính, each one of the
//	            five seed plans (seeds/, a copy of content/plans) moved to the province and the
//	            year, with about 85 % of its tasks; the seeds' deadline phrases are kept;
//	reports     progress reports for 55 % of the tasks of each year, dated up to the as-of day;
//	766         a period a month for every province, scoring its UBND, departments, police,
//	            inspectorate and every commune, and a national ranking a year;
//	procedures  1,300 × √(Pages/2,364), at most three quarters of the pages the above leave:
//	            the real national file converted by the importer (importer.Procedures),
//	            a random share of it when fewer are needed, and copies with other codes (and
//	            3 in 10 another field) when more are; each procedure's agencies are those of
//	            one province, in turn;
//	petitions   as many as bring the estimated page count to Pages (24 at least), received on
//	            working days, about the procedures, sent to the agency that handles them.
//
// With seed 1 and the as-of day 2026-11-21, the example size (2,364 pages) has 1 province,
// 144 agencies, 8 plans, 424 tasks, 1,102 procedures and 335 petitions; 10k has 3
// provinces, 1,281 tasks, 2,674 procedures (the national file and 49 copies) and 4,386
// petitions; 100k has 33 provinces, 4,393 agencies, 14,231 tasks, 8,455 procedures and
// 61,019 petitions. Stats.Pages is the estimate: the pages the build should make.
package sitegen

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"congkhai/generator/parallel"
	"congkhai/generator/schedule"
)

// ExamplePages is the page count of the example site (content/), the smallest named size.
const ExamplePages = 2364

// Sizes are the named sizes, in pages.
var Sizes = map[string]int{"example": ExamplePages, "10k": 10000, "100k": 100000}

// ParseSize reads a size: a name of Sizes, a number of pages ("25000") or thousands ("25k").
func ParseSize(s string) (int, error) {
	if n, ok := Sizes[s]; ok {
		return n, nil
	}
	mult := 1
	if t, ok := strings.CutSuffix(s, "k"); ok {
		s, mult = t, 1000
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 10_000_000/mult {
		return 0, fmt.Errorf("cỡ %q không hợp lệ: dùng example, 10k, 100k hoặc một số trang", s)
	}
	return n * mult, nil
}

// DefaultAsOf is the as-of day sites are generated for when Options.AsOf is zero, the one
// the tests build the example with.
var DefaultAsOf = schedule.D(2026, time.November, 21)

// Options describe a site to generate.
type Options struct {
	Pages int    // the page count aimed at (see the package comment); default ExamplePages
	Seed  uint64 // the same seed, pages, as-of day and national file give the same files
	// AsOf is the day the content is as of: reports are dated up to it, petitions received
	// before it. Build the site with the same --as-of. Default DefaultAsOf.
	AsOf schedule.Date
	// National is the national procedure file, JSON Lines, gzip-compressed when its name
	// ends in .gz (testdata/tthc/national-procedures.jsonl.gz).
	National string
}

func (o Options) withDefaults() Options {
	if o.Pages <= 0 {
		o.Pages = ExamplePages
	}
	if o.AsOf.IsZero() {
		o.AsOf = DefaultAsOf
	}
	return o
}

// Stats describe a generated site.
type Stats struct {
	Pages        int // estimated pages of its build (see the package comment)
	Authorities  int // provinces
	Agencies     int
	Plans, Tasks int
	Reports      int
	Procedures   int
	Copies       int // procedures copied from real ones with another code
	Petitions    int
	ScorePeriods int
	ScoreUnits   int // unit rows of all periods
	Files        int
	Bytes        int64
}

// file is one content file, path slash-separated under the content folder.
type file struct {
	path string
	data []byte
}

// gen holds a site being generated.
type gen struct {
	opts      Options
	rng       *rand.Rand
	provs     []*province
	years     []int
	cal       *schedule.Calendar
	files     []file
	procs     []*procInfo
	estimate  pageCount
	stats     Stats
	planTasks int
}

// Write generates the site of opts into dir, which must be empty or not exist.
func Write(dir string, opts Options) (Stats, error) {
	opts = opts.withDefaults()
	if opts.National == "" {
		return Stats{}, errors.New("sitegen: Options.National: cần tệp thủ tục quốc gia")
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return Stats{}, fmt.Errorf("sitegen: %s không trống", dir)
	}
	g := &gen{opts: opts, rng: rand.New(rand.NewPCG(opts.Seed, 0x73697465676e)), cal: calendar(holidays)}
	if err := g.generate(); err != nil {
		return Stats{}, err
	}
	if err := writeFiles(dir, g.files); err != nil {
		return Stats{}, err
	}
	g.stats.Files = len(g.files)
	for _, f := range g.files {
		g.stats.Bytes += int64(len(f.data))
	}
	return g.stats, nil
}

func (g *gen) generate() error {
	P := g.opts.Pages
	asOf := g.opts.AsOf
	// Provinces, their registries.
	nprov := min(max(int(math.Round(float64(P)/3000)), 1), MaxAuthorities)
	for i := range nprov {
		wards := 60 + g.rng.IntN(61)
		// A small site keeps its structure in proportion.
		wards = min(wards, max(10, P/20))
		g.provs = append(g.provs, newProvince(i, wards, g.rng))
	}
	nyears := min(max((P+599)/600, 1), 4)
	for y := asOf.Year - nyears + 1; y <= asOf.Year; y++ {
		g.years = append(g.years, y)
	}
	g.add("site.toml", siteFile(len(g.provs)))
	g.add("ngay-nghi.toml", holidaysFile())
	for _, p := range g.provs {
		g.add("agencies/"+p.ID+".toml", p.registryFile())
		g.stats.Agencies += len(p.Agencies)
		g.estimate.agencies += len(p.Agencies)
	}
	g.stats.Authorities = len(g.provs)
	if err := g.plans(); err != nil {
		return err
	}
	g.scores()
	// Procedures: as many as the size calls for, within what is left.
	rest := P - g.estimate.structure()
	np := int(math.Round(1300 * math.Sqrt(float64(P)/ExamplePages)))
	np = max(min(np, rest*3/4*100/118), 30)
	if err := g.procedures(np); err != nil {
		return err
	}
	if err := g.petitions(P); err != nil {
		return err
	}
	g.stats.Pages = g.estimate.total()
	return nil
}

func (g *gen) add(path string, data []byte) { g.files = append(g.files, file{path, data}) }

func siteFile(provinces int) []byte {
	var b bytes.Buffer
	b.WriteString("# Trang SINH TỰ ĐỘNG để đo thời gian dựng trang (congkhai sitegen): mọi số liệu là minh họa.\n")
	b.WriteString("title = \"Công khai kế hoạch kiểm soát thủ tục hành chính\"\n")
	fmt.Fprintf(&b, "description = \"Trang tổng hợp minh họa của %d tỉnh, thành phố: kế hoạch, nhiệm vụ, tiến độ, thủ tục hành chính, phản ánh, kiến nghị và Bộ chỉ số 766.\"\n", provinces)
	b.WriteString("publisher = \"congkhai sitegen\"\n")
	b.WriteString("footer = \"\"\"\nTrang này do chương trình sinh ra để đo tốc độ dựng trang. Kế hoạch được chép từ năm kế hoạch mẫu rồi đổi tỉnh, đổi năm; danh mục thủ tục lấy từ Cơ sở dữ liệu quốc gia về thủ tục hành chính và nhân bản với mã khác; báo cáo tiến độ, phản ánh, kiến nghị và kết quả Bộ chỉ số 766 là **dữ liệu minh họa**.\n\"\"\"\n\n")
	b.WriteString("[pakn]\nanswer_days = 10\n")
	// Names of firms and places the masker would take for a person's.
	b.WriteString("public_names = [\"Tân Tiến\", \"Thành Đạt\", \"Trung Hoa\", \"Y TẾ\"]\n")
	return b.Bytes()
}

// writeFiles writes files under dir on every core.
func writeFiles(dir string, files []file) error {
	dirs := map[string]bool{}
	for _, f := range files {
		dirs[filepath.Dir(filepath.Join(dir, filepath.FromSlash(f.path)))] = true
	}
	for d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	return parallel.Do(len(files), func(i int) error {
		return os.WriteFile(filepath.Join(dir, filepath.FromSlash(files[i].path)), files[i].data, 0o644)
	})
}

// Fingerprint names what a site generated with opts is made of: the options, the national
// file's content and this package's version. The same fingerprint means the same files, so
// a caller may keep a generated site and reuse it.
func Fingerprint(opts Options) (string, error) {
	opts = opts.withDefaults()
	h := sha256.New()
	f, err := os.Open(opts.National)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	fmt.Fprintf(h, "\x00sitegen %d pages=%d seed=%d as-of=%s", version, opts.Pages, opts.Seed, opts.AsOf)
	return hex.EncodeToString(h.Sum(nil)[:12]), nil
}

// version changes whenever the same options would give other files.
const version = 1

// openNational opens the national file, decompressing a .gz.
func openNational(name string) (io.ReadCloser, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(name, ".gz") {
		return f, nil
	}
	gz, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return readCloser{gz, f}, nil
}

type readCloser struct {
	io.Reader
	f *os.File
}

func (r readCloser) Close() error { return r.f.Close() }

func timeMonth(m int) time.Month { return time.Month(m) }

// pick returns a random element of list.
func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

// sortedKeys returns the keys of m in order.
func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// petitions adds as many petitions as bring the estimated page count nearest to pages, 24
// at least, received on working days from the first year on.
func (g *gen) petitions(pages int) error {
	var provs []*petitionProvince
	byRef := map[string]*agency{}
	for _, p := range g.provs {
		provs = append(provs, &petitionProvince{id: p.ID, place: p.Title(), wards: p.Wards})
		for _, a := range p.Agencies {
			byRef[a.Ref()] = a
		}
	}
	w, err := newPetitionWorld(provs, g.procs, byRef, g.cal, schedule.D(g.years[0], time.January, 1), g.opts.AsOf)
	if err != nil {
		return err
	}
	const least = 24
	before := g.estimate.total()
	upper := max(least, pages-before)
	ps := make([]*petition, upper)
	if err := parallel.Do(upper, func(i int) error {
		ps[i] = w.petition(g.opts.Seed, i)
		return nil
	}); err != nil {
		return err
	}
	count := func(k int) int { return before + petitionPages(ps[:k], g.opts.AsOf) }
	lo, hi := least, upper // the largest k with count(k) <= pages, or least
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if count(mid) <= pages {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	k := lo
	if k < upper && count(k+1)-pages < pages-count(k) {
		k++
	}
	for name, data := range petitionFiles(ps[:k]) {
		g.add("pakn/"+name, data)
	}
	g.stats.Petitions = k
	g.estimate.petPages = count(k) - before
	return nil
}

// answerDays is the petition deadline of the generated site.toml (working days).
const answerDays = 10
