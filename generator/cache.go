package generator

import (
	"strconv"

	"congkhai/generator/cache"
	"congkhai/generator/content"
	"congkhai/generator/model"
	"congkhai/generator/render"
	"congkhai/generator/search"
)

// Cache is what a build keeps for the next: the records decoded from content files, the
// petitions' masked texts, and the plain texts and hash of the search index's input. The preview server keeps one across its builds
// (Options.Cache); a build from the command line reads it from, and writes it to, the file
// ".<out>-cache" beside the published folder (package cache), which --clean ignores and
// writes anew.
type Cache struct {
	content *content.Cache
	model   *model.Cache
	search  *cache.Table[uint64] // the search index's input hash by the hash of its sources
	texts   *render.Texts        // the plain texts the search records need
	index   *search.Memo         // kept in memory only, by the preview server
}

// NewCache returns an empty cache, for Options.Cache.
func NewCache() *Cache {
	return &Cache{content.NewCache(), model.NewCache(), cache.NewTable[uint64](), render.NewTexts(), search.NewMemo()}
}

// The cache file's tables.
const (
	contentTable = "content"
	modelTable   = "model"
	searchTable  = "search"
	textsTable   = "texts"
)

// readCache reads the cache file at path; what cannot be used is ignored, and said unless
// another congkhai made it.
func readCache(path string, warn func(string)) (*cache.File, *Cache) {
	f := cache.Open(path)
	if f.Ignored != "" && !f.Foreign && warn != nil {
		warn(f.Ignored)
	}
	return f, &Cache{content.DecodeCache(f.Table(contentTable)), model.DecodeCache(f.Table(modelTable)),
		cache.DecodeTable[uint64](f.Table(searchTable)), render.DecodeTexts(f.Table(textsTable)), nil}
}

// writeCache writes into the cache file what this build added to c.
func writeCache(f *cache.File, c *Cache) error {
	return f.Save(map[string]cache.Encoder{contentTable: c.content, modelTable: c.model, searchTable: c.search, textsTable: c.texts})
}

// searchHash returns the hash of the search index's input: as the last build found it
// when the content and the as-of day are those it had, else made anew.
func (c *Cache) searchHash(set *render.Set) uint64 {
	c.search.Begin()
	defer c.search.End()
	key := strconv.FormatUint(set.SourcesHash(), 16)
	if in, ok := c.search.Get(key); ok {
		return in
	}
	in := set.SearchHash()
	c.search.Put(key, in)
	return in
}
