package pipeline

import "syscall"

// lstatStamp is the stamp of the file at path, not through a link, as
// stampOf gives it from os.Lstat; without the FileInfo os makes, which a
// rebuild that looks at 10,000 pages would make 10,000 of.
func lstatStamp(path string) (fileStamp, bool) {
	var st syscall.Stat_t
	if syscall.Lstat(path, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return fileStamp{}, false
	}
	return fileStamp{Dev: uint64(st.Dev), Ino: uint64(st.Ino), Size: st.Size, ModTime: st.Mtim.Nano()}, true
}
