package main

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"congkhai/generator/parallel"
	"congkhai/generator/tomltext"
)

// The Hugo site is made to be fair to Hugo, and to measure the same work:
//
//   - The same pages at the same addresses: one Hugo page for every HTML page congkhai
//     built (home and sections as _index.md, the other pages as leaf bundles), so both
//     write the same number of pages.
//   - The same content: a page made from a record (plan, task with its progress reports,
//     agency, procedure, petition, 766 period) carries that record, read from the content
//     folder: its short values as a table of facts, its long texts as Markdown, its arrays
//     of tables as Markdown tables; the petitioner's data is left out.
//   - The same lists: the pages a congkhai page links to from its <main> become the Hugo
//     page's list, which its template renders as a table row each (site.GetPage, the
//     linked page's title, kind and section). Hugo does not compute these lists (no
//     taxonomies, no pagination), which spares it work congkhai does.
//   - Templates of the same weight: a base layout with header, navigation written out as
//     plain links (a range over .Site.Sections on every page would make Hugo quadratic),
//     search form, as-of line and footer with Markdown; one template for single and list
//     pages with the facts table, the content and the list table; a JSON search index of
//     every page; the theme's CSS and script as static files; minified output, as
//     congkhai's is. RSS, sitemap, robots.txt and taxonomy pages are off.

var (
	titleRE = regexp.MustCompile(`(?s)<title>(.*?)</title>`)
	hrefRE  = regexp.MustCompile(`href="([^"#?]*)`)
)

// hugoSite describes a generated Hugo site.
type hugoSite struct {
	dir   string
	pages int
	// touch is the content file a "one file changed" rebuild edits: the page of the task
	// whose report congkhai's one-report rebuild changes, when there is one.
	touch string
}

// siteRecords reads the records of a content folder that pages are made of, on demand.
type siteRecords struct {
	dir string
	mu  sync.Mutex
	// plans and registries decoded once: many pages read them
	plans      map[string]map[string]any
	registries map[string]map[string]any
}

func (r *siteRecords) decode(rel string) (map[string]any, error) {
	m := map[string]any{}
	_, err := toml.DecodeFile(filepath.Join(r.dir, filepath.FromSlash(rel)), &m)
	return m, err
}

func (r *siteRecords) cached(cache map[string]map[string]any, rel string) (map[string]any, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if m, ok := cache[rel]; ok {
		return m, nil
	}
	m, err := r.decode(rel)
	if err != nil {
		return nil, err
	}
	cache[rel] = m
	return m, nil
}

// record finds the record a congkhai page shows, by the page's path: its fields and its
// Markdown. ok is false for pages that show no single record (lists, fixed pages).
func (r *siteRecords) record(page string) (kind string, fields [][2]string, body string, err error) {
	parts := strings.Split(strings.TrimSuffix(page, "/index.html"), "/")
	exists := func(rel string) bool {
		_, err := os.Stat(filepath.Join(r.dir, filepath.FromSlash(rel)))
		return err == nil
	}
	var b strings.Builder
	switch {
	case len(parts) == 2 && parts[0] == "ke-hoach" && exists("plans/"+parts[1]+"/plan.toml"):
		m, err := r.cached(r.plans, "plans/"+parts[1]+"/plan.toml")
		if err != nil {
			return "", nil, "", err
		}
		plan := maps.Clone(m)
		delete(plan, "task")
		delete(plan, "section")
		delete(plan, "indicator")
		fields = convert(&b, "", plan)
		if sections, ok := m["section"].([]map[string]any); ok {
			table(&b, "Các mục", sections)
		}
		if inds, ok := m["indicator"].([]map[string]any); ok {
			table(&b, "Chỉ tiêu", inds)
		}
		for _, f := range []string{"decision.md", "narrative.md"} {
			if data, err := os.ReadFile(filepath.Join(r.dir, "plans", parts[1], f)); err == nil {
				b.Write(data)
				b.WriteString("\n\n")
			}
		}
		return "Kế hoạch", fields, b.String(), nil
	case len(parts) == 3 && parts[0] == "ke-hoach" && exists("plans/"+parts[1]+"/plan.toml"):
		m, err := r.cached(r.plans, "plans/"+parts[1]+"/plan.toml")
		if err != nil {
			return "", nil, "", err
		}
		tasks, _ := m["task"].([]map[string]any)
		for _, t := range tasks {
			if t["id"] == parts[2] {
				fields = convert(&b, "", t)
			}
		}
		reports, _ := filepath.Glob(filepath.Join(r.dir, "progress", parts[1], parts[2]+"-????-??-??.md"))
		slices.Sort(reports)
		for _, rep := range reports {
			data, err := os.ReadFile(rep)
			if err != nil {
				return "", nil, "", err
			}
			_, rest, _ := bytes.Cut(data, []byte("+++\n"))
			front, note, _ := bytes.Cut(rest, []byte("+++\n"))
			var fm map[string]any
			if _, err := toml.Decode(string(front), &fm); err != nil {
				return "", nil, "", fmt.Errorf("%s: %w", rep, err)
			}
			fmt.Fprintf(&b, "### Báo cáo ngày %v\n\n", fm["date"])
			for _, f := range convert(&b, "", fm) {
				fmt.Fprintf(&b, "- %s: %s\n", f[0], f[1])
			}
			b.WriteString("\n")
			b.Write(note)
			b.WriteString("\n\n")
		}
		return "Nhiệm vụ", fields, b.String(), nil
	case len(parts) == 3 && parts[0] == "co-quan" && exists("agencies/"+parts[1]+".toml"):
		m, err := r.cached(r.registries, "agencies/"+parts[1]+".toml")
		if err != nil {
			return "", nil, "", err
		}
		agencies, _ := m["agency"].([]map[string]any)
		for _, a := range agencies {
			if a["id"] == parts[2] {
				fields = convert(&b, "", a)
			}
		}
		return "Cơ quan", fields, b.String(), nil
	case len(parts) == 2 && parts[0] == "thu-tuc" && exists("thu-tuc/"+parts[1]+".toml"):
		m, err := r.decode("thu-tuc/" + parts[1] + ".toml")
		if err != nil {
			return "", nil, "", err
		}
		return "Thủ tục", convert(&b, "", m), b.String(), nil
	case len(parts) == 2 && parts[0] == "pakn" && exists("pakn/"+parts[1]+".toml"):
		m, err := r.decode("pakn/" + parts[1] + ".toml")
		if err != nil {
			return "", nil, "", err
		}
		delete(m, "petitioner")
		return "Phản ánh, kiến nghị", convert(&b, "", m), b.String(), nil
	case len(parts) == 2 && parts[0] == "chi-so-766" && exists("chi-so-766/"+parts[1]+".toml"):
		m, err := r.decode("chi-so-766/" + parts[1] + ".toml")
		if err != nil {
			return "", nil, "", err
		}
		return "Chỉ số 766", convert(&b, "", m), b.String(), nil
	}
	return "Danh sách", nil, "", nil
}

// convert writes a record the way pages show it: short values are returned as facts
// (key, value), long texts go to b as Markdown under a heading, arrays of tables as tables.
func convert(b *strings.Builder, prefix string, m map[string]any) (facts [][2]string) {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		key := prefix + k
		switch v := m[k].(type) {
		case string:
			if strings.Contains(v, "\n") || len(v) > 200 {
				fmt.Fprintf(b, "## %s\n\n%s\n\n", key, v)
			} else if v != "" {
				facts = append(facts, [2]string{key, v})
			}
		case time.Time:
			facts = append(facts, [2]string{key, v.Format("02/01/2006")})
		case []map[string]any:
			table(b, key, v)
		case map[string]any:
			facts = append(facts, convert(b, key+".", v)...)
		case []any:
			var items []string
			for _, x := range v {
				items = append(items, fmt.Sprint(x))
			}
			if s := strings.Join(items, "; "); len(s) <= 200 {
				facts = append(facts, [2]string{key, s})
			} else {
				fmt.Fprintf(b, "## %s\n\n", key)
				for _, it := range items {
					fmt.Fprintf(b, "- %s\n", it)
				}
				b.WriteString("\n")
			}
		default:
			facts = append(facts, [2]string{key, fmt.Sprint(v)})
		}
	}
	return facts
}

// table writes rows as a Markdown table, one column for every key.
func table(b *strings.Builder, title string, rows []map[string]any) {
	cols := map[string]bool{}
	for _, r := range rows {
		for k := range r {
			cols[k] = true
		}
	}
	keys := slices.Sorted(maps.Keys(cols))
	fmt.Fprintf(b, "## %s\n\n|", title)
	for _, k := range keys {
		b.WriteString(" " + k + " |")
	}
	b.WriteString("\n|")
	for range keys {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	cell := strings.NewReplacer("\n", " ", "|", `\|`)
	for _, r := range rows {
		b.WriteString("|")
		for _, k := range keys {
			v := ""
			if x, ok := r[k]; ok {
				if t, ok := x.(time.Time); ok {
					v = t.Format("02/01/2006")
				} else {
					v = fmt.Sprint(x)
				}
			}
			b.WriteString(" " + cell.Replace(v) + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

// writeHugoSite writes into dir the Hugo site of congkhai's built site out (whose tree is
// built) and content folder, with the theme's static files of moduleRoot.
func writeHugoSite(dir, content, out string, built tree, moduleRoot string, s siteSettings) (*hugoSite, error) {
	var pages []string
	for p := range built {
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
	}
	slices.Sort(pages)
	isPage := map[string]bool{}
	branch := map[string]bool{} // folders holding other pages
	for _, p := range pages {
		isPage[p] = true
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			if path.Dir(p) != d || path.Base(p) != "index.html" {
				branch[d] = true
			}
		}
	}
	h := &hugoSite{dir: dir}
	rec := &siteRecords{dir: content, plans: map[string]map[string]any{}, registries: map[string]map[string]any{}}
	var touchPage string
	if reports, _ := filepath.Glob(filepath.Join(content, "progress", "*", "*.md")); len(reports) > 0 {
		slices.Sort(reports)
		if plan, task, ok := reportTask(reports[0]); ok {
			touchPage = "ke-hoach/" + plan + "/" + task + "/index.html"
		}
	}
	var mu sync.Mutex
	err := parallel.Do(len(pages), func(i int) error {
		p := pages[i]
		if p == "404.html" {
			return nil // Hugo makes it from layouts/404.html
		}
		if !strings.HasSuffix(p, "/index.html") && p != "index.html" {
			return fmt.Errorf("%s: trang không nằm trong thư mục riêng, Hugo không làm được địa chỉ này", p)
		}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			return err
		}
		title := p
		if m := titleRE.FindSubmatch(data); m != nil {
			title = html.UnescapeString(string(m[1]))
			if i := strings.LastIndex(title, " – "); i > 0 {
				title = title[:i]
			}
		}
		main := data
		if i := bytes.Index(data, []byte("<main")); i >= 0 {
			main = data[i:]
			if j := bytes.Index(main, []byte("</main>")); j >= 0 {
				main = main[:j]
			}
		}
		var links []string
		seen := map[string]bool{}
		for _, m := range hrefRE.FindAllSubmatch(main, -1) {
			href := html.UnescapeString(string(m[1]))
			if href == "" || strings.Contains(href, ":") || strings.HasPrefix(href, "/") {
				continue
			}
			target := path.Join(path.Dir(p), href)
			if strings.HasSuffix(href, "/") {
				target += "/index.html"
			}
			if target == "." {
				target = "index.html"
			}
			if isPage[target] && target != p && target != "404.html" && !seen[target] {
				seen[target] = true
				links = append(links, hugoRef(target))
			}
		}
		kind, facts, body, err := rec.record(p)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		var fm bytes.Buffer
		fm.WriteString("+++\n")
		writeTOML(&fm, map[string]any{"title": title, "loai": kind})
		if len(facts) > 0 {
			fm.WriteString("truong = [\n")
			for _, f := range facts {
				fmt.Fprintf(&fm, "  [%s, %s],\n", quote(f[0]), quote(f[1]))
			}
			fm.WriteString("]\n")
		}
		if len(links) > 0 {
			fm.WriteString("lienket = [\n")
			for _, l := range links {
				fmt.Fprintf(&fm, "  %s,\n", quote(l))
			}
			fm.WriteString("]\n")
		}
		fm.WriteString("+++\n")
		fm.WriteString(body)
		dirOf := strings.TrimSuffix(strings.TrimSuffix(p, "index.html"), "/")
		name := "index.md"
		if dirOf == "" || branch[dirOf] {
			name = "_index.md"
		}
		file := filepath.Join(dir, "content", filepath.FromSlash(dirOf), name)
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, fm.Bytes(), 0o644); err != nil {
			return err
		}
		mu.Lock()
		h.pages++
		if p == touchPage || h.touch == "" && name == "index.md" && touchPage == "" {
			h.touch = file
		}
		mu.Unlock()
		return nil
	})
	if err != nil {
		return nil, err
	}
	h.pages++ // 404.html
	if h.touch == "" {
		return nil, fmt.Errorf("không có trang nào để sửa thử")
	}
	for name, text := range hugoLayouts {
		f := filepath.Join(dir, "layouts", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			return nil, err
		}
	}
	for _, f := range []string{"style.css", "search.js"} {
		data, err := os.ReadFile(filepath.Join(moduleRoot, "static", f))
		if err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Join(dir, "static"), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(dir, "static", f), data, 0o644); err != nil {
			return nil, err
		}
	}
	var cfg bytes.Buffer
	cfg.WriteString("# A Hugo site with the pages of a congkhai build, written by congkhai-bench.\n")
	writeTOML(&cfg, map[string]any{"baseURL": "https://congkhai.example.gov.vn/", "locale": "vi", "title": s.title})
	cfg.WriteString("disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\", \"robotstxt\"]\n")
	cfg.WriteString("[outputs]\nhome = [\"html\", \"json\"]\n")
	cfg.WriteString("[minify]\nminifyOutput = true\n")
	cfg.WriteString("[params]\n")
	writeTOML(&cfg, map[string]any{"description": s.description, "publisher": s.publisher, "footer": s.footer,
		"asof": s.asOf.String(), "asofvn": s.asOf.VN()})
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), cfg.Bytes(), 0o644); err != nil {
		return nil, err
	}
	return h, nil
}

// hugoRef is the Hugo page path of a congkhai page: "thu-tuc/1.001226/index.html" ->
// "/thu-tuc/1.001226".
func hugoRef(p string) string {
	return "/" + strings.TrimSuffix(strings.TrimSuffix(p, "index.html"), "/")
}

func quote(s string) string {
	var b bytes.Buffer
	tomltext.Basic(&b, s)
	return b.String()
}

func writeTOML(b *bytes.Buffer, m map[string]any) {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Fprintf(b, "%s = %s\n", k, quote(fmt.Sprint(m[k])))
	}
}

// reportTask reads the plan and task of a progress report file.
func reportTask(file string) (plan, task string, ok bool) {
	data, err := os.ReadFile(file)
	if err != nil {
		return "", "", false
	}
	_, front, _ := bytes.Cut(data, []byte("+++\n"))
	front, _, _ = bytes.Cut(front, []byte("+++\n"))
	var fm struct {
		Task string `toml:"task"`
	}
	if _, err := toml.Decode(string(front), &fm); err != nil || fm.Task == "" {
		return "", "", false
	}
	return filepath.Base(filepath.Dir(file)), fm.Task, true
}

// hugoLayouts are the templates of the Hugo site (Hugo 0.146's layout names).
var hugoLayouts = map[string]string{
	"baseof.html": `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ site.Title }}</title>
{{ with site.Params.description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
<script src="{{ "search.js" | relURL }}" defer></script>
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site">
 <div class="wrap">
  <a class="brand" href="{{ "/" | relURL }}">{{ site.Title }}</a>
  <nav aria-label="Mục chính">
   <ul>
    <li><a href="{{ "/" | relURL }}"{{ if .IsHome }} aria-current="page"{{ end }}>Trang chủ</a></li>
    <li><a href="{{ "ke-hoach/" | relURL }}"{{ if hasPrefix .RelPermalink "/ke-hoach/" }} aria-current="page"{{ end }}>Kế hoạch</a></li>
    <li><a href="{{ "thu-tuc/" | relURL }}"{{ if hasPrefix .RelPermalink "/thu-tuc/" }} aria-current="page"{{ end }}>Thủ tục</a></li>
    <li><a href="{{ "pakn/" | relURL }}"{{ if hasPrefix .RelPermalink "/pakn/" }} aria-current="page"{{ end }}>Phản ánh, kiến nghị</a></li>
    <li><a href="{{ "chi-so-766/" | relURL }}"{{ if hasPrefix .RelPermalink "/chi-so-766/" }} aria-current="page"{{ end }}>Chỉ số 766</a></li>
    <li><a href="{{ "co-quan/" | relURL }}"{{ if hasPrefix .RelPermalink "/co-quan/" }} aria-current="page"{{ end }}>Cơ quan</a></li>
    <li><a href="{{ "cach-tinh/" | relURL }}"{{ if hasPrefix .RelPermalink "/cach-tinh/" }} aria-current="page"{{ end }}>Cách tính</a></li>
   </ul>
  </nav>
  <form class="search" role="search" action="{{ "tim-kiem/" | relURL }}" data-index="{{ "index.json" | relURL }}">
   <label for="tim-nhanh" class="sr">Tìm kiếm</label>
   <input id="tim-nhanh" name="q" type="search" autocomplete="off" placeholder="Tìm nhiệm vụ, thủ tục, mã số…" aria-controls="tim-nhanh-kq">
   <button type="submit">Tìm</button>
   <ul id="tim-nhanh-kq" class="suggest results" hidden></ul>
   <p class="sr" role="status" aria-live="polite"></p>
  </form>
 </div>
 <p class="asof wrap">Số liệu đến ngày <time datetime="{{ site.Params.asof }}">{{ site.Params.asofvn }}</time></p>
</header>
<main id="noi-dung" class="wrap">
{{ block "main" . }}{{ end }}
</main>
<footer class="site">
 <div class="wrap">
  <p>{{ site.Title }}{{ with site.Params.publisher }} · {{ . }}{{ end }} · Số liệu đến ngày {{ site.Params.asofvn }}.</p>
  {{ with site.Params.footer }}{{ . | markdownify }}{{ end }}
  <p><a href="{{ "cach-tinh/" | relURL }}">Cách tính trạng thái nhiệm vụ</a></p>
 </div>
</footer>
</body>
</html>
`,
	"single.html": `{{ define "main" }}{{ partial "page.html" . }}{{ end }}
`,
	"list.html": `{{ define "main" }}{{ partial "page.html" . }}{{ end }}
`,
	"home.html": `{{ define "main" }}{{ partial "page.html" . }}{{ end }}
`,
	"_partials/page.html": `<nav class="crumbs" aria-label="Vị trí"><a href="{{ "/" | relURL }}">Trang chủ</a>{{ with .Parent }}{{ if not .IsHome }} › <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }} › <span aria-current="page">{{ .Title }}</span></nav>
<h1>{{ .Title }}</h1>
{{ with .Params.loai }}<p class="kind"><span class="tag">{{ . }}</span></p>{{ end }}
{{ with .Params.truong }}<table class="facts">
<tbody>
{{ range . }}<tr><th scope="row">{{ index . 0 }}</th><td>{{ index . 1 }}</td></tr>
{{ end }}</tbody>
</table>{{ end }}
{{ .Content }}
{{ with .Params.lienket }}<table class="list">
<caption>{{ len . }} trang liên quan</caption>
<thead><tr><th scope="col">#</th><th scope="col">Trang</th><th scope="col">Loại</th><th scope="col">Thuộc</th></tr></thead>
<tbody>
{{ range $i, $ref := . }}{{ with site.GetPage $ref }}<tr><td>{{ add $i 1 }}</td><td><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.truong }}<br><small>{{ range first 2 . }}{{ index . 0 }}: {{ index . 1 }}; {{ end }}</small>{{ end }}</td><td>{{ .Params.loai }}</td><td>{{ with .Parent }}{{ .Title }}{{ end }}</td></tr>
{{ end }}{{ end }}</tbody>
</table>{{ end }}
`,
	"404.html": `{{ define "main" }}<h1>Không tìm thấy trang</h1>
<p>Trang bạn tìm không có hoặc đã được chuyển. Về <a href="{{ "/" | relURL }}">trang chủ</a> hoặc <a href="{{ "tim-kiem/" | relURL }}">tìm kiếm</a>.</p>{{ end }}
`,
	"home.json": `[{{ range $i, $p := site.Pages }}{{ if $i }},{{ end }}{{ dict "t" $p.Title "u" $p.RelPermalink "k" $p.Params.loai "s" ($p.Plain | truncate 200) | jsonify }}{{ end }}]
`,
}

// hugoInstall installs Hugo version into gobin with go install, outside this module.
func hugoInstall(ctx context.Context, version, gobin, work string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "install", "github.com/gohugoio/hugo@"+version)
	cmd.Dir = work // outside the module: go install pkg@version never touches a go.mod
	cmd.Env = append(os.Environ(), "GOBIN="+gobin, "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go install github.com/gohugoio/hugo@%s: %v\n%s", version, err, lastLines(string(out), 10))
	}
	bin := filepath.Join(gobin, "hugo")
	v, err := exec.CommandContext(ctx, bin, "version").Output()
	if err != nil {
		return "", fmt.Errorf("%s version: %v", bin, err)
	}
	return strings.TrimSpace(string(v)), nil
}
