// libzip (Debian libzip-dev to build, libzip4 to run): the container of .docx documents.
// Not linked: opened with dlopen the first time a document is written, so the binary
// runs where the library is absent. The header gives the types and constants; the
// functions are called through `duban_zip`, resolved by name with dlsym.
#include <zip.h>
#include <dlfcn.h>

// Every function Duban calls, and nothing else.
#define DUBAN_ZIP_FUNCTIONS(X) \
    X(zip_open) X(zip_source_buffer) X(zip_source_free) X(zip_file_add) X(zip_set_file_compression) \
    X(zip_close) X(zip_discard) X(zip_strerror)

// The functions, typed as the header declares them (typeof never references the symbol).
struct duban_zip {
#define DUBAN_FIELD(name) __typeof__(name) *_Nonnull name;
    DUBAN_ZIP_FUNCTIONS(DUBAN_FIELD)
#undef DUBAN_FIELD
};

// Fills `table` from an opened library; the name of the first function it lacks, else NULL.
static inline const char *duban_zip_resolve(void *handle, struct duban_zip *table) {
#define DUBAN_RESOLVE(name) \
    if (!(*(void **)&table->name = dlsym(handle, #name))) return #name;
    DUBAN_ZIP_FUNCTIONS(DUBAN_RESOLVE)
#undef DUBAN_RESOLVE
    return 0;
}
