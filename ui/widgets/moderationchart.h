#pragma once

#include <QJsonObject>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QBarSet;
class QBarCategoryAxis;
class QChart;
class QChartView;
class QLabel;
QT_END_NAMESPACE

namespace pixelnest::ui
{

// The moderation result: its label in words and a small bar chart of the five scores
// (Drawing, Hentai, Neutral, Porn, Sexy), on a 0…1 axis.
class ModerationChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModerationChart)

public:
    explicit ModerationChart(QWidget* parent = nullptr);

    // {"label": "Neutral", "scores": {...}}; an empty object hides the chart.
    void setModeration(const QJsonObject& moderation);
    QString label() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();

    QLabel* m_label = nullptr;
    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QBarSet* m_scores = nullptr;
    QBarCategoryAxis* m_categories = nullptr;
};

} // namespace pixelnest::ui
