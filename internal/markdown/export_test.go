package markdown

// PlainText lets the external tests read a node's text as the package
// does (readme_test.go takes the docs' headings with it).
var PlainText = plainText
