#pragma once

#include <QDialog>

class QComboBox;

namespace pixelnest::ui
{

// The console's preferences: the language (the system's, English or Korean).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    QString language() const; // "", "en" or "ko"
    void accept() override;   // saves

Q_SIGNALS:
    void languageChanged(const QString& language);

private:
    QComboBox* m_language = nullptr;
    QString m_initial;
};

} // namespace pixelnest::ui
