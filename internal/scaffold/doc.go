// Package scaffold creates the files an editor starts from: a new case story
// with every front matter field present and explained, and the skeleton of
// next year's edition copied from the latest one. It never overwrites a file.
package scaffold
