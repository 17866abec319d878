#include "widgets/dispatchbanner.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QToolButton>

namespace pixelnest::ui
{

DispatchBanner::DispatchBanner(QAction* resume, QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("dispatchBanner"));
    setAccessibleName(tr("Dispatch state"));
    // Amber, readable in light and dark themes alike: the colour says "attention", not "error".
    setStyleSheet(QStringLiteral("#dispatchBanner { background: #fff3cd; border: 1px solid "
                                 "#e0b252; border-radius: 4px; } #dispatchBanner QLabel { color: "
                                 "#5c4400; }"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_resume = new QToolButton(this);
    m_resume->setText(tr("Resume"));
    connect(m_resume, &QToolButton::clicked, resume, [resume] {
        if (resume->isEnabled() && resume->isChecked()) {
            resume->trigger(); // unchecks: resumes everything
        }
    });
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_resume);
    hide();
}

void DispatchBanner::setStats(const QueueStats& stats)
{
    QStringList lines;
    const bool everything = stats.paused.contains(QStringLiteral("*"));
    if (everything) {
        lines.append(tr("Dispatch is paused: engines finish the jobs they hold and claim nothing "
                        "new."));
    }
    QStringList pipelines = stats.paused;
    pipelines.removeAll(QStringLiteral("*"));
    if (!pipelines.isEmpty()) {
        lines.append(tr("Paused pipelines: %1.").arg(pipelines.join(QStringLiteral(", "))));
    }
    const QLocale locale;
    for (const QString& pipeline : stats.unservedPipelines()) {
        lines.append(tr("%1 jobs wait for pipeline %2, which no live engine serves.")
                         .arg(locale.toString(stats.readyByPipeline.value(pipeline)), pipeline));
    }
    m_text->setText(lines.join(QLatin1Char('\n')));
    m_resume->setVisible(everything || !pipelines.isEmpty());
    m_resume->setToolTip(everything ? tr("Resume dispatch everywhere")
                                    : tr("Resume from the Images menu's Pause Pipeline entries"));
    m_resume->setEnabled(everything);
    setVisible(!lines.isEmpty());
}

QString DispatchBanner::text() const
{
    return isVisible() ? m_text->text() : QString();
}

} // namespace pixelnest::ui
