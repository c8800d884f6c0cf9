// Package static holds the default theme's static files. A site overrides any of them, file
// by file, with the build's --static folder.
package static

import "embed"

// FS holds the static files.
//
//go:embed *.css *.js *.svg
var FS embed.FS
