#include "dialogs/uploaddialog.h"

#include "dialogs/prioritydialog.h"
#include "pixelnest/jobs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pixelnest::ui
{

namespace
{

QString describePaths(const QStringList& paths)
{
    int folders = 0;
    for (const QString& path : paths) {
        folders += QFileInfo(path).isDir() ? 1 : 0;
    }
    const int files = int(paths.size()) - folders;
    if (paths.size() == 1) {
        return QDir::toNativeSeparators(paths.first());
    }
    if (folders == 0) {
        return UploadDialog::tr("%n file(s)", "", files);
    }
    return UploadDialog::tr("%1 and %2")
        .arg(UploadDialog::tr("%n file(s)", "", files),
             UploadDialog::tr("%n folder(s)", "", folders));
}

} // namespace

UploadDialog::UploadDialog(const QStringList& paths, QWidget* parent)
    : QDialog(parent), m_paths(paths)
{
    setWindowTitle(tr("Upload Images"));
    auto* layout = new QVBoxLayout(this);
    auto* what = new QLabel(tr("Upload %1. Folders are searched recursively; a file that is "
                               "not an image is listed at the end while the rest go through.")
                                .arg(describePaths(paths)),
                            this);
    what->setWordWrap(true);
    layout->addWidget(what);

    auto* form = new QFormLayout;
    auto* priorityRow = new QHBoxLayout;
    m_preset = new QComboBox(this);
    for (const PriorityDialog::Preset& preset : PriorityDialog::presets()) {
        m_preset->addItem(PriorityDialog::tr(preset.name), preset.priority);
    }
    m_preset->setAccessibleName(tr("Priority preset"));
    m_priority = new QSpinBox(this);
    m_priority->setRange(kMinPriority, kMaxPriority);
    m_priority->setAccessibleName(tr("Priority"));
    priorityRow->addWidget(m_preset);
    priorityRow->addWidget(m_priority);
    auto* priorityLabel = new QLabel(tr("&Priority:"), this);
    priorityLabel->setBuddy(m_priority);
    form->addRow(priorityLabel, priorityRow);
    connect(m_preset, &QComboBox::activated, this,
            [this](int index) { m_priority->setValue(m_preset->itemData(index).toInt()); });
    connect(m_priority, &QSpinBox::valueChanged, this, [this](int value) {
        const int index = m_preset->findData(value);
        if (index >= 0) {
            m_preset->setCurrentIndex(index);
        }
    });
    m_preset->setCurrentIndex(m_preset->findData(0));

    m_title = new QLineEdit(this);
    m_title->setPlaceholderText(tr("Each file's name"));
    m_title->setAccessibleName(tr("Title"));
    form->addRow(tr("&Title:"), m_title);
    m_pipeline = new QComboBox(this);
    m_pipeline->setObjectName(QStringLiteral("pipeline"));
    m_pipeline->setEditable(true); // a user's own pipeline name is allowed
    m_pipeline->addItems(
        {QStringLiteral("default"), QStringLiteral("metadata"), QStringLiteral("noop")});
    m_pipeline->setToolTip(tr("default: faces and moderation; metadata: size, format and "
                              "thumbnail only; noop: count the bytes"));
    m_pipeline->setAccessibleName(tr("Pipeline"));
    form->addRow(tr("Pi&peline:"), m_pipeline);

    // Celery's ETA and expires: start no earlier than a time; give up if not started in time.
    auto* startRow = new QHBoxLayout;
    m_startLater = new QCheckBox(tr("Not &before"), this);
    m_startAt = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600), this);
    m_startAt->setCalendarPopup(true);
    m_startAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_startAt->setEnabled(false);
    m_startAt->setAccessibleName(tr("Start time"));
    connect(m_startLater, &QCheckBox::toggled, m_startAt, &QWidget::setEnabled);
    startRow->addWidget(m_startLater);
    startRow->addWidget(m_startAt, 1);
    form->addRow(tr("Start:"), startRow); // the checkbox carries the mnemonic
    auto* expiryRow = new QHBoxLayout;
    m_expires = new QCheckBox(tr("Cancel if not started &within"), this);
    m_expiresMinutes = new QSpinBox(this);
    m_expiresMinutes->setRange(1, 7 * 24 * 60);
    m_expiresMinutes->setValue(60);
    m_expiresMinutes->setSuffix(tr(" min"));
    m_expiresMinutes->setEnabled(false);
    m_expiresMinutes->setAccessibleName(tr("Expiry in minutes"));
    connect(m_expires, &QCheckBox::toggled, m_expiresMinutes, &QWidget::setEnabled);
    expiryRow->addWidget(m_expires);
    expiryRow->addWidget(m_expiresMinutes, 1);
    form->addRow(tr("Expiry:"), expiryRow);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Upload"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(480, sizeHint().height());
}

UploadOptions UploadDialog::options() const
{
    UploadOptions options;
    options.priority = m_priority->value();
    options.title = m_title->text().trimmed();
    options.pipeline = m_pipeline->currentText().trimmed();
    if (options.pipeline.isEmpty()) {
        options.pipeline = QStringLiteral("default");
    }
    if (m_startLater->isChecked()) {
        options.notBefore = m_startAt->dateTime().toUTC();
    }
    if (m_expires->isChecked()) {
        const QDateTime start =
            options.notBefore.isValid() ? options.notBefore : QDateTime::currentDateTimeUtc();
        options.expiresAt = start.addSecs(60LL * m_expiresMinutes->value());
    }
    return options;
}

void UploadDialog::setSchedule(const QDateTime& when, int minutes)
{
    m_startLater->setChecked(when.isValid());
    if (when.isValid()) {
        m_startAt->setDateTime(when.toLocalTime());
    }
    m_expires->setChecked(minutes > 0);
    if (minutes > 0) {
        m_expiresMinutes->setValue(minutes);
    }
}

} // namespace pixelnest::ui
