#include "dialogs/jobfilterdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace pixelnest::ui
{

namespace
{

// A checkbox that enables the widgets of its row: unchecked is "any".
QCheckBox* rowSwitch(const QString& text, const QList<QWidget*>& widgets, bool on, QWidget* parent)
{
    auto* box = new QCheckBox(text, parent);
    box->setChecked(on);
    for (QWidget* widget : widgets) {
        widget->setEnabled(on);
        QObject::connect(box, &QCheckBox::toggled, widget, &QWidget::setEnabled);
    }
    return box;
}

QHBoxLayout* row(const QList<QWidget*>& widgets)
{
    auto* layout = new QHBoxLayout;
    for (QWidget* widget : widgets) {
        layout->addWidget(widget);
    }
    layout->addStretch(1);
    return layout;
}

} // namespace

JobFilterDialog::JobFilterDialog(const JobQuery& current, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Filter Images"));
    auto* form = new QFormLayout(this);

    m_pipeline = new QComboBox(this);
    m_pipeline->setEditable(true);
    m_pipeline->addItems(
        {QStringLiteral("default"), QStringLiteral("metadata"), QStringLiteral("noop")});
    m_pipeline->setCurrentText(current.pipeline.isEmpty() ? QStringLiteral("default")
                                                          : current.pipeline);
    m_byPipeline = rowSwitch(tr("&Pipeline"), {m_pipeline}, !current.pipeline.isEmpty(), this);
    form->addRow(m_byPipeline, row({m_pipeline}));

    m_worker = new QLineEdit(current.worker, this);
    m_worker->setPlaceholderText(tr("host or host:pid"));
    m_byWorker = rowSwitch(tr("&Worker"), {m_worker}, !current.worker.isEmpty(), this);
    form->addRow(m_byWorker, row({m_worker}));

    m_minPriority = new QSpinBox(this);
    m_maxPriority = new QSpinBox(this);
    for (QSpinBox* box : {m_minPriority, m_maxPriority}) {
        box->setRange(kMinPriority, kMaxPriority);
    }
    m_minPriority->setValue(current.minPriority.value_or(kMinPriority));
    m_maxPriority->setValue(current.maxPriority.value_or(kMaxPriority));
    m_minPriority->setAccessibleName(tr("Lowest priority"));
    m_maxPriority->setAccessibleName(tr("Highest priority"));
    m_byPriority = rowSwitch(tr("P&riority"), {m_minPriority, m_maxPriority},
                             current.minPriority || current.maxPriority, this);
    form->addRow(m_byPriority, row({m_minPriority, m_maxPriority}));

    m_since =
        new QDateTimeEdit(current.createdSince.isValid() ? current.createdSince.toLocalTime()
                                                         : QDateTime::currentDateTime().addDays(-1),
                          this);
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_bySince = rowSwitch(tr("Created &since"), {m_since}, current.createdSince.isValid(), this);
    form->addRow(m_bySince, row({m_since}));

    m_label = new QComboBox(this);
    m_label->setEditable(true); // a model of one's own has its own labels
    m_label->addItems({QStringLiteral("Porn"), QStringLiteral("Hentai"), QStringLiteral("Sexy"),
                       QStringLiteral("Drawing"), QStringLiteral("Neutral")});
    if (!current.label.isEmpty()) {
        m_label->setCurrentText(current.label);
    }
    m_labelMin = new QDoubleSpinBox(this);
    m_labelMin->setRange(0, 1);
    m_labelMin->setSingleStep(0.05);
    m_labelMin->setDecimals(2);
    m_labelMin->setPrefix(tr("score ≥ "));
    m_labelMin->setSpecialValueText(tr("on top"));
    m_labelMin->setValue(current.labelMin.value_or(0));
    m_labelMin->setAccessibleName(tr("Minimum score (0: the label on top)"));
    m_byLabel = rowSwitch(tr("&Moderation"), {m_label, m_labelMin}, !current.label.isEmpty(), this);
    form->addRow(m_byLabel, row({m_label, m_labelMin}));

    m_faces = new QSpinBox(this);
    m_faces->setRange(0, 1000);
    m_faces->setValue(current.faces.value_or(1));
    m_facesOrMore = new QCheckBox(tr("or more"), this);
    m_facesOrMore->setChecked(!current.faces || current.facesOrMore);
    m_byFaces = rowSwitch(tr("&Faces"), {m_faces, m_facesOrMore}, current.faces.has_value(), this);
    form->addRow(m_byFaces, row({m_faces, m_facesOrMore}));

    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Reset, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Apply"));
    connect(buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this, [this] {
        for (QCheckBox* box :
             {m_byPipeline, m_byWorker, m_byPriority, m_bySince, m_byLabel, m_byFaces}) {
            box->setChecked(false);
        }
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

JobQuery JobFilterDialog::filters() const
{
    JobQuery query;
    if (m_byPipeline->isChecked()) {
        query.pipeline = m_pipeline->currentText().trimmed();
    }
    if (m_byWorker->isChecked()) {
        query.worker = m_worker->text().trimmed();
    }
    if (m_byPriority->isChecked()) {
        query.minPriority = qMin(m_minPriority->value(), m_maxPriority->value());
        query.maxPriority = qMax(m_minPriority->value(), m_maxPriority->value());
    }
    if (m_bySince->isChecked()) {
        query.createdSince = m_since->dateTime().toUTC();
    }
    if (m_byLabel->isChecked() && !m_label->currentText().trimmed().isEmpty()) {
        query.label = m_label->currentText().trimmed();
        if (m_labelMin->value() > 0) {
            query.labelMin = m_labelMin->value();
        }
    }
    if (m_byFaces->isChecked()) {
        query.faces = m_faces->value();
        query.facesOrMore = m_facesOrMore->isChecked();
    }
    return query;
}

int JobFilterDialog::activeCount(const JobQuery& query)
{
    return int(!query.pipeline.isEmpty()) + int(!query.worker.isEmpty()) +
           int(query.minPriority || query.maxPriority) + int(query.createdSince.isValid()) +
           int(!query.label.isEmpty()) + int(query.faces.has_value());
}

} // namespace pixelnest::ui
