// Package templates holds the default theme's page templates (html/template). A site
// overrides any of them, file by file, with the build's --templates folder.
package templates

import "embed"

// FS holds the templates.
//
//go:embed *.html
var FS embed.FS
