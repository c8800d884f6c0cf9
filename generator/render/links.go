package render

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"congkhai/generator/model"
)

// The site's URL space. Every file path here is relative to the output root; pages are
// folders with an index.html, so that a permanent link is a clean folder URL
// (https://host/ke-hoach/<plan>/<task>/) while links inside the site name index.html and
// therefore also work when the site is opened from disk (file://), where a folder shows a
// listing. All links a page emits are relative to that page, so the same files work at a
// domain root and under any subpath.
const (
	homePath     = "index.html"
	plansPath    = "ke-hoach/index.html"
	agenciesPath = "co-quan/index.html"
	methodPath   = "cach-tinh/index.html"
	notFoundPath = "404.html"
	AssetsDir    = "assets" // the theme's static files, with hashed names
)

// sections are the parts of the site that templates link by name, {{.URL (section
// "plans")}}: the one place their addresses are written.
var sections = map[string]string{
	"home":       homePath,
	"plans":      plansPath,
	"procedures": proceduresDir + "index.html",
	"petitions":  petitionsDir + "index.html",
	"scores":     scoresDir + "index.html",
	"agencies":   agenciesPath,
	"method":     methodPath,
	"search":     searchPath,
	"data":       dataPath,
	"history":    historyPath,
	"feed":       siteFeed,
}

// section is the path of a part of the site by its name; a template naming another part
// fails to render, naming the known ones.
func section(name string) (string, error) {
	if p, ok := sections[name]; ok {
		return p, nil
	}
	return "", fmt.Errorf("không có phần %q của trang; các phần: %s", name, strings.Join(slices.Sorted(maps.Keys(sections)), ", "))
}

// pathOf returns the file path of the page of a model object, with an optional fragment.
func pathOf(v any) string {
	switch v := v.(type) {
	case *model.Plan:
		return "ke-hoach/" + v.ID + "/index.html"
	case *model.Task:
		return "ke-hoach/" + v.Plan.ID + "/" + v.ID + "/index.html"
	case *model.Section:
		return pathOf(v.Plan) + "#muc-" + v.ID
	case *model.Indicator:
		return pathOf(v.Plan) + "#chi-tieu-" + v.ID
	case *model.Agency:
		return "co-quan/" + v.Authority.ID + "/" + v.ID + "/index.html"
	case *model.Authority:
		return "co-quan/" + v.ID + "/index.html"
	case *model.Report:
		return pathOf(v.Task) + "#bao-cao-" + v.Date.String()
	case *model.Procedure:
		return proceduresDir + v.Code + "/index.html"
	case *model.Field:
		return proceduresDir + "linh-vuc/" + v.Slug + "/index.html"
	case *model.ProcedureGroup:
		return proceduresDir + v.Filter + "/" + v.Slug + "/index.html"
	case *model.Petition:
		return petitionsDir + v.ID + "/index.html"
	case *model.PetitionGroup:
		return petitionsDir + v.Filter + "/" + v.Slug + "/index.html"
	case *model.ScorePeriod:
		return scoresDir + v.ID + "/index.html"
	case *model.UnitScore:
		return pathOf(v.Agency) + "#chi-so-766"
	case string:
		return v
	}
	panic(fmt.Sprintf("render: no page for %T", v))
}

// relative returns the link from the page at file path from to the file path target
// (which may carry a #fragment).
func relative(from, target string) string {
	target, frag, _ := strings.Cut(target, "#")
	if frag != "" {
		frag = "#" + frag
	}
	if target == from && frag != "" {
		return frag
	}
	fromDir := strings.Split(path.Dir(from), "/")
	if fromDir[0] == "." {
		fromDir = nil
	}
	to := strings.Split(target, "/")
	i := 0
	for i < len(fromDir) && i < len(to)-1 && fromDir[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(fromDir)-i) + strings.Join(to[i:], "/") + frag
}

// beside is the path of the file name in the folder of the page at page: the feed, data and
// share image that go with it.
func beside(page, name string) string { return strings.TrimSuffix(page, "index.html") + name }

// cleanURL is the permanent, folder-style form of a page path: "ke-hoach/x/index.html" ->
// "ke-hoach/x/".
func cleanURL(p string) string {
	if p == homePath {
		return ""
	}
	return strings.TrimSuffix(p, "index.html")
}
