// libxlsxwriter (Debian libxlsxwriter-dev to build, libxlsxwriter4 to run): Excel
// workbooks with formats, frozen panes and charts. Not linked: opened with dlopen the
// first time a workbook is written, so the binary runs where the library is absent.
// The header gives the types and constants; the functions are called through
// `duban_xlsxwriter`, resolved by name with dlsym.
#include <xlsxwriter.h>
#include <dlfcn.h>

// Every function Duban calls, and nothing else.
#define DUBAN_XLSXWRITER_FUNCTIONS(X) \
    X(workbook_new) X(workbook_set_properties) X(workbook_add_worksheet) X(workbook_add_format) \
    X(workbook_add_chart) X(workbook_close) X(lxw_strerror) \
    X(format_set_font_name) X(format_set_font_size) X(format_set_font_color) X(format_set_bold) \
    X(format_set_align) X(format_set_bg_color) X(format_set_border) X(format_set_text_wrap) \
    X(format_set_num_format) \
    X(worksheet_set_column) X(worksheet_set_row) X(worksheet_merge_range) X(worksheet_write_string) \
    X(worksheet_write_number) X(worksheet_write_datetime) X(worksheet_write_blank) \
    X(worksheet_freeze_panes) X(worksheet_autofilter) X(worksheet_set_paper) X(worksheet_set_landscape) \
    X(worksheet_fit_to_pages) X(worksheet_repeat_rows) X(worksheet_insert_chart_opt) \
    X(chart_add_series) X(chart_series_set_categories) X(chart_series_set_values) \
    X(chart_series_set_labels) X(chart_series_set_labels_num_format) X(chart_title_set_name) \
    X(chart_legend_set_position) X(chart_axis_set_reverse) X(chart_axis_set_min) X(chart_axis_set_max) \
    X(chart_axis_set_num_format)

// The functions, typed as the header declares them (typeof never references the symbol).
struct duban_xlsxwriter {
#define DUBAN_FIELD(name) __typeof__(name) *_Nonnull name;
    DUBAN_XLSXWRITER_FUNCTIONS(DUBAN_FIELD)
#undef DUBAN_FIELD
};

// Fills `table` from an opened library; the name of the first function it lacks, else NULL.
static inline const char *duban_xlsxwriter_resolve(void *handle, struct duban_xlsxwriter *table) {
#define DUBAN_RESOLVE(name) \
    if (!(*(void **)&table->name = dlsym(handle, #name))) return #name;
    DUBAN_XLSXWRITER_FUNCTIONS(DUBAN_RESOLVE)
#undef DUBAN_RESOLVE
    return 0;
}
