package generator_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// importerOnly are the packages that only imports use: the orchestration and what reads each
// source (the .docx and .xlsx readers, with excelize; the national database; the 766 CSV; the
// matching of printed agency names).
var importerOnly = []string{
	"congkhai/generator/importer",
	"congkhai/generator/planread",
	"congkhai/generator/planimport",
	"congkhai/generator/nationaldb",
	"congkhai/generator/scorecsv",
	"congkhai/generator/agencymatch",
	"github.com/xuri/excelize/v2",
}

// A build links no importer code: what package generator depends on, as the go command
// resolves it for a build, holds none of the packages imports use. Each of them must be a
// dependency of package importer, so that a renamed or dropped package fails here instead of
// being checked for nothing.
func TestBuildLinksNoImporter(t *testing.T) {
	// go test puts the bin folder of its own GOROOT first on the PATH of the tests it runs.
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list what package generator links: %v", err)
	}
	cmd := exec.Command(goTool, "list", "-f", "{{.ImportPath}}{{range .Deps}} {{.}}{{end}}",
		"congkhai/generator", "congkhai/generator/importer")
	// Everything is in the module cache already, since this test was built: never download.
	cmd.Env = append(os.Environ(), "GOPROXY=off")
	out, err := cmd.Output()
	if err != nil {
		if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
			err = fmt.Errorf("%v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	deps := map[string][]string{} // package -> itself and everything it links
	for line := range strings.Lines(string(out)) {
		f := strings.Fields(line)
		if len(f) > 0 {
			deps[f[0]] = f
		}
	}
	build, imports := deps["congkhai/generator"], deps["congkhai/generator/importer"]
	if len(build) < 2 || len(imports) < 2 {
		t.Fatalf("go list did not list both packages and their dependencies:\n%s", out)
	}
	for _, p := range importerOnly {
		if !slices.Contains(imports, p) {
			t.Errorf("%s is no longer linked by package importer: update importerOnly", p)
		}
	}
	for _, p := range build {
		if slices.Contains(importerOnly, p) || strings.HasPrefix(p, "congkhai/generator/importer/") {
			t.Errorf("package generator links %s, which only imports use; a build must not", p)
		}
	}
}
