#include "dialogs/settingsdialog.h"

#include "core/translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace pixelnest::ui
{

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent), m_initial(savedLanguage())
{
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_language = new QComboBox(this);
    m_language->addItem(tr("System language"), QString());
    // Each language in its own name, so that it can be found whatever the current one is.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_initial)));
    m_language->setAccessibleName(tr("Language"));
    form->addRow(tr("&Language:"), m_language);
    layout->addLayout(form);
    auto* note = new QLabel(tr("A new language applies the next time Pixelnest starts."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

void SettingsDialog::accept()
{
    if (language() != m_initial) {
        saveLanguage(language());
        Q_EMIT languageChanged(language());
    }
    QDialog::accept();
}

} // namespace pixelnest::ui
