#include "dashboard/chartstyle.h"

#include "core/statusstyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace pixelnest::ui
{

void applyChartPalette(QChart* chart, const QPalette& palette)
{
    const bool dark = isDarkPalette(palette);
    // setTheme resets series colours: callers colour their series after this.
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.color(QPalette::Window));
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    const QColor text = palette.color(QPalette::WindowText);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        QColor grid = text;
        grid.setAlpha(40);
        axis->setGridLineColor(grid);
    }
}

} // namespace pixelnest::ui
