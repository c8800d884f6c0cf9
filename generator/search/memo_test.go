package search

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
)

// With a memo, a Build makes again only the pages that changed, and its files are those a
// Build without one makes, byte for byte; a page gone is dropped from the memo.
func TestMemoKeepsUnchangedPages(t *testing.T) {
	var docs []Doc
	for i := range 60 {
		docs = append(docs, Doc{Kind: "thu-tuc", URL: fmt.Sprintf("thu-tuc/%d/index.html", i),
			Title: fmt.Sprintf("Thủ tục số %d về đất đai", i), Body: []string{fmt.Sprintf("Lệ phí %d.000 đồng", i)}})
	}
	same := func(a, b *Index) bool {
		return a.Meta == b.Meta && slices.EqualFunc(a.Files, b.Files, func(x, y File) bool { return x.Path == y.Path && bytes.Equal(x.Data, y.Data) })
	}
	opts := DefaultOptions
	opts.Memo = NewMemo()
	first, err := Build(testKinds, nil, docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	kept := map[[32]byte]*docWork{}
	for k, w := range opts.Memo.now {
		kept[k] = w
	}
	docs[7].Body = []string{"Lệ phí miễn"}
	docs = slices.Delete(docs, 20, 21)
	second, err := Build(testKinds, nil, docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := Build(testKinds, nil, docs, DefaultOptions)
	if !same(second, plain) {
		t.Error("the index built with the memo differs from the one built without")
	}
	if same(first, second) {
		t.Error("the edit changed nothing")
	}
	reused := 0
	for k, w := range opts.Memo.now {
		if kept[k] == w {
			reused++
		}
	}
	if reused != 58 || len(opts.Memo.now) != 59 {
		t.Errorf("%d pages reused of %d kept; want 58 of 59 (one edited, one gone)", reused, len(opts.Memo.now))
	}
}
