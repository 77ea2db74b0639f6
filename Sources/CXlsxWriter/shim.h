// libxlsxwriter (Debian libxlsxwriter-dev): Excel workbooks with formats, frozen panes and charts.
#include <xlsxwriter.h>
