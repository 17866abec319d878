#include "dialogs/prioritydialog.h"

#include "pixelnest/jobs.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pixelnest::ui
{

const QList<PriorityDialog::Preset>& PriorityDialog::presets()
{
    static const QList<Preset> list{
        {QT_TR_NOOP("Urgent"), 1000}, {QT_TR_NOOP("High"), 500},     {QT_TR_NOOP("Normal"), 0},
        {QT_TR_NOOP("Low"), -500},    {QT_TR_NOOP("Lowest"), -1000},
    };
    return list;
}

PriorityDialog::PriorityDialog(int count, QWidget* parent, int initial) : QDialog(parent)
{
    setWindowTitle(tr("Set Priority"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("New priority for %n image(s). Higher runs first; a queued "
                                "image moves at once.",
                                "", count),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_presets = new QButtonGroup(this);
    for (const Preset& preset : presets()) {
        auto* button =
            new QRadioButton(tr("%1 (%2)").arg(tr(preset.name)).arg(preset.priority), this);
        m_presets->addButton(button, preset.priority);
        layout->addWidget(button);
    }
    auto* form = new QFormLayout;
    m_number = new QSpinBox(this);
    m_number->setRange(kMinPriority, kMaxPriority);
    m_number->setSingleStep(10);
    m_number->setAccessibleName(tr("Priority number"));
    form->addRow(tr("&Number:"), m_number);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_presets, &QButtonGroup::idClicked, m_number, &QSpinBox::setValue);
    connect(m_number, &QSpinBox::valueChanged, this, &PriorityDialog::syncPresets);
    setPriority(initial);
}

int PriorityDialog::priority() const
{
    return m_number->value();
}

void PriorityDialog::setPriority(int priority)
{
    m_number->setValue(priority);
    syncPresets(priority);
}

void PriorityDialog::syncPresets(int priority)
{
    // A number between presets checks none of them.
    QAbstractButton* match = m_presets->button(priority);
    m_presets->setExclusive(false);
    for (QAbstractButton* button : m_presets->buttons()) {
        button->setChecked(button == match);
    }
    m_presets->setExclusive(true);
}

} // namespace pixelnest::ui
