#pragma once

#include <QDialog>

class QButtonGroup;
class QSpinBox;

namespace pixelnest::ui
{

// Set priority: presets (Urgent 1000 … Lowest −1000) and any number in −1000…1000, so that an
// out-of-range value cannot even be typed (the engine would reject it, never clamp it).
class PriorityDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriorityDialog)

public:
    explicit PriorityDialog(int count, QWidget* parent = nullptr, int initial = 0);

    int priority() const;
    void setPriority(int priority);

    struct Preset
    {
        const char* name;
        int priority;
    };
    static const QList<Preset>& presets();

private:
    void syncPresets(int priority);

    QSpinBox* m_number = nullptr;
    QButtonGroup* m_presets = nullptr;
};

} // namespace pixelnest::ui
