# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGridLayout,
    QHBoxLayout, QHeaderView, QLineEdit, QMainWindow,
    QPushButton, QSizePolicy, QSpacerItem, QStackedWidget,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1366, 768)
        MainWindow.setWindowTitle(u"Packstation")
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.mainLayout = QVBoxLayout(self.central)
        self.mainLayout.setSpacing(6)
        self.mainLayout.setObjectName(u"mainLayout")
        self.topBar = QHBoxLayout()
        self.topBar.setObjectName(u"topBar")
        self.orderHeader = QWidget(self.central)
        self.orderHeader.setObjectName(u"orderHeader")

        self.topBar.addWidget(self.orderHeader)

        self.packerLabel = QWidget(self.central)
        self.packerLabel.setObjectName(u"packerLabel")

        self.topBar.addWidget(self.packerLabel)


        self.mainLayout.addLayout(self.topBar)

        self.banner = QWidget(self.central)
        self.banner.setObjectName(u"banner")

        self.mainLayout.addWidget(self.banner)

        self.nextAction = QWidget(self.central)
        self.nextAction.setObjectName(u"nextAction")

        self.mainLayout.addWidget(self.nextAction)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.queuePane = QWidget(self.central)
        self.queuePane.setObjectName(u"queuePane")
        self.queueLayout = QVBoxLayout(self.queuePane)
        self.queueLayout.setObjectName(u"queueLayout")
        self.queueLayout.setContentsMargins(0, 0, 0, 0)
        self.queueTitle = QWidget(self.queuePane)
        self.queueTitle.setObjectName(u"queueTitle")

        self.queueLayout.addWidget(self.queueTitle)

        self.stationLabel = QWidget(self.queuePane)
        self.stationLabel.setObjectName(u"stationLabel")

        self.queueLayout.addWidget(self.stationLabel)

        self.queueFilter = QLineEdit(self.queuePane)
        self.queueFilter.setObjectName(u"queueFilter")
        self.queueFilter.setClearButtonEnabled(True)

        self.queueLayout.addWidget(self.queueFilter)

        self.statusFilter = QComboBox(self.queuePane)
        self.statusFilter.setObjectName(u"statusFilter")

        self.queueLayout.addWidget(self.statusFilter)

        self.queueTable = QTableWidget(self.queuePane)
        self.queueTable.setObjectName(u"queueTable")
        self.queueTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queueTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queueTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queueTable.setAlternatingRowColors(True)
        self.queueTable.setWordWrap(False)
        self.queueTable.verticalHeader().setVisible(False)

        self.queueLayout.addWidget(self.queueTable)


        self.bodyLayout.addWidget(self.queuePane)

        self.orderPane = QWidget(self.central)
        self.orderPane.setObjectName(u"orderPane")
        self.orderLayout = QVBoxLayout(self.orderPane)
        self.orderLayout.setSpacing(6)
        self.orderLayout.setObjectName(u"orderLayout")
        self.orderLayout.setContentsMargins(0, 0, 0, 0)
        self.warningsRow = QHBoxLayout()
        self.warningsRow.setObjectName(u"warningsRow")
        self.codBlock = QWidget(self.orderPane)
        self.codBlock.setObjectName(u"codBlock")

        self.warningsRow.addWidget(self.codBlock)

        self.noteBlock = QWidget(self.orderPane)
        self.noteBlock.setObjectName(u"noteBlock")

        self.warningsRow.addWidget(self.noteBlock)


        self.orderLayout.addLayout(self.warningsRow)

        self.orderStack = QStackedWidget(self.orderPane)
        self.orderStack.setObjectName(u"orderStack")
        self.pickPage = QWidget()
        self.pickPage.setObjectName(u"pickPage")
        self.pickLayout = QHBoxLayout(self.pickPage)
        self.pickLayout.setObjectName(u"pickLayout")
        self.pickLayout.setContentsMargins(0, 0, 0, 0)
        self.pickTable = QWidget(self.pickPage)
        self.pickTable.setObjectName(u"pickTable")

        self.pickLayout.addWidget(self.pickTable)

        self.sideColumn = QWidget(self.pickPage)
        self.sideColumn.setObjectName(u"sideColumn")

        self.pickLayout.addWidget(self.sideColumn)

        self.orderStack.addWidget(self.pickPage)
        self.stopPage = QWidget()
        self.stopPage.setObjectName(u"stopPage")
        self.stopLayout = QVBoxLayout(self.stopPage)
        self.stopLayout.setObjectName(u"stopLayout")
        self.stopTitle = QWidget(self.stopPage)
        self.stopTitle.setObjectName(u"stopTitle")

        self.stopLayout.addWidget(self.stopTitle)

        self.stopText = QWidget(self.stopPage)
        self.stopText.setObjectName(u"stopText")

        self.stopLayout.addWidget(self.stopText)

        self.stopHint = QWidget(self.stopPage)
        self.stopHint.setObjectName(u"stopHint")

        self.stopLayout.addWidget(self.stopHint)

        self.stopSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.stopLayout.addItem(self.stopSpacer)

        self.orderStack.addWidget(self.stopPage)
        self.holdPage = QWidget()
        self.holdPage.setObjectName(u"holdPage")
        self.holdLayout = QVBoxLayout(self.holdPage)
        self.holdLayout.setObjectName(u"holdLayout")
        self.holdTitle = QWidget(self.holdPage)
        self.holdTitle.setObjectName(u"holdTitle")

        self.holdLayout.addWidget(self.holdTitle)

        self.holdReasons = QGridLayout()
        self.holdReasons.setObjectName(u"holdReasons")

        self.holdLayout.addLayout(self.holdReasons)

        self.holdHint = QWidget(self.holdPage)
        self.holdHint.setObjectName(u"holdHint")

        self.holdLayout.addWidget(self.holdHint)

        self.holdSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.holdLayout.addItem(self.holdSpacer)

        self.orderStack.addWidget(self.holdPage)

        self.orderLayout.addWidget(self.orderStack)


        self.bodyLayout.addWidget(self.orderPane)


        self.mainLayout.addLayout(self.bodyLayout)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.queueButton = QPushButton(self.central)
        self.queueButton.setObjectName(u"queueButton")

        self.buttonLayout.addWidget(self.queueButton)

        self.nextButton = QPushButton(self.central)
        self.nextButton.setObjectName(u"nextButton")

        self.buttonLayout.addWidget(self.nextButton)

        self.releaseButton = QPushButton(self.central)
        self.releaseButton.setObjectName(u"releaseButton")

        self.buttonLayout.addWidget(self.releaseButton)

        self.holdButton = QPushButton(self.central)
        self.holdButton.setObjectName(u"holdButton")

        self.buttonLayout.addWidget(self.holdButton)

        self.removedButton = QPushButton(self.central)
        self.removedButton.setObjectName(u"removedButton")

        self.buttonLayout.addWidget(self.removedButton)

        self.undoButton = QPushButton(self.central)
        self.undoButton.setObjectName(u"undoButton")

        self.buttonLayout.addWidget(self.undoButton)

        self.finishButton = QPushButton(self.central)
        self.finishButton.setObjectName(u"finishButton")

        self.buttonLayout.addWidget(self.finishButton)


        self.mainLayout.addLayout(self.buttonLayout)

        MainWindow.setCentralWidget(self.central)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        self.queueFilter.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Filter: number, customer, city", None))
        self.queueButton.setText(QCoreApplication.translate("MainWindow", u"Queue\n"
"F2", None))
        self.nextButton.setText(QCoreApplication.translate("MainWindow", u"Next order\n"
"F6", None))
        self.releaseButton.setText(QCoreApplication.translate("MainWindow", u"Give back\n"
"F7", None))
        self.holdButton.setText(QCoreApplication.translate("MainWindow", u"Hold\u2026\n"
"F8", None))
        self.removedButton.setText(QCoreApplication.translate("MainWindow", u"Taken out\n"
"F9", None))
        self.undoButton.setText(QCoreApplication.translate("MainWindow", u"Undo\n"
"Esc", None))
        self.finishButton.setText(QCoreApplication.translate("MainWindow", u"Finish\n"
"F12", None))
        pass
    # retranslateUi

